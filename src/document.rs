//! Documents: one article from one source, and reading it from a file.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::span::Span;

/// One article from one source.
///
/// The text is kept whole; [`Document::body`] is the part that is analysed
/// (the text after any header lines). Every span the crate reports is a byte
/// offset into [`Document::text`].
///
/// ```
/// use gainsay::Document;
///
/// let doc = Document::parse("wire-1", "date: 2025-11-08\noutlet: Wire\n\nThe talks collapsed.");
/// assert_eq!(doc.date().unwrap().to_string(), "2025-11-08");
/// assert_eq!(doc.outlet(), Some("Wire"));
/// assert_eq!(&doc.text()[doc.body().range()], "The talks collapsed.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    id: String,
    path: Option<String>,
    text: String,
    body: Span,
    date: Option<Date>,
    outlet: Option<String>,
    title: Option<String>,
    url: Option<String>,
    warnings: Vec<String>,
}

/// Header keys understood at the top of a file.
const HEADER_KEYS: &[&str] = &[
    "date",
    "source",
    "outlet",
    "title",
    "url",
    "author",
    "published",
];

impl Document {
    /// A document whose whole text is its body; no header is read.
    ///
    /// ```
    /// use gainsay::Document;
    ///
    /// let doc = Document::new("a", "date: 2025-01-01\n\nText.");
    /// assert_eq!(doc.date(), None);
    /// assert_eq!(doc.body().start, 0);
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        Document {
            id: id.into(),
            path: None,
            body: Span::new(0, text.len()),
            text,
            date: None,
            outlet: None,
            title: None,
            url: None,
            warnings: Vec::new(),
        }
    }

    /// A document read from text that may open with header lines.
    ///
    /// Header lines are `key: value` with keys `date`, `source`, `outlet`,
    /// `title`, `url`, `author` or `published`, ended by a blank line or by
    /// the first line that is not a header. A first line that opens with
    /// `date YYYY-MM-DD` followed by the article on the same line is read too.
    /// A malformed date is not an error: the document gets no date and a
    /// warning naming the line.
    ///
    /// ```
    /// use gainsay::Document;
    ///
    /// let doc = Document::parse("x", " date 2025-11-08 The talks collapsed.");
    /// assert_eq!(doc.date().unwrap().to_string(), "2025-11-08");
    /// assert_eq!(&doc.text()[doc.body().range()], "The talks collapsed.");
    ///
    /// let bad = Document::parse("y", "date: 8 Nov\n\nText.");
    /// assert_eq!(bad.date(), None);
    /// assert!(bad.warnings()[0].contains("line 1"));
    /// ```
    pub fn parse(id: impl Into<String>, text: impl Into<String>) -> Document {
        let mut doc = Document::new(id, text);
        doc.read_header();
        doc
    }

    /// Reads a file: the id is the file stem, the text may open with a header
    /// (see [`Document::parse`]). A file that is not UTF-8 is an error that
    /// names the file and the offset of the first bad byte.
    ///
    /// ```
    /// use gainsay::Document;
    ///
    /// let path = std::env::temp_dir().join("gainsay-doc-example.txt");
    /// std::fs::write(&path, "date: 2025-02-03\noutlet: Wire\n\nThe vote was postponed.").unwrap();
    /// let doc = Document::from_path(&path).unwrap();
    /// assert_eq!(doc.id(), "gainsay-doc-example");
    /// assert_eq!(doc.path(), Some(path.display().to_string().as_str()));
    /// assert_eq!(doc.outlet(), Some("Wire"));
    /// # std::fs::remove_file(&path).ok();
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Document, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::new(ErrorKind::NotUtf8 {
                path: path.to_path_buf(),
                offset: e.utf8_error().valid_up_to(),
            })
        })?;
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let mut doc = Document::parse(id, text);
        doc.path = Some(path.display().to_string());
        Ok(doc)
    }

    /// Reads a JSON article record, or an array of them: objects with
    /// `text` and optionally `id`, `date`, `outlet`, `title` and `url`, the
    /// shape scrapers and news APIs emit. Other fields are ignored; `body`
    /// or `content` may stand for `text`, `source` for `outlet` (a string,
    /// or an object with a `name`), `published`, `published_at` or
    /// `publishedAt` for `date` (an RFC 3339 timestamp is read as its
    /// date). A record with no `id` is named `origin#N`, counting from 1.
    ///
    /// ```
    /// use gainsay::Document;
    ///
    /// let docs = Document::from_json("feed.json", r#"[
    ///     {"id": "w1", "text": "The truce held.", "date": "2025-05-01T09:30:00Z",
    ///      "source": {"name": "Wire"}},
    ///     {"text": "The truce collapsed."}
    /// ]"#).unwrap();
    /// assert_eq!(docs[0].date().unwrap().to_string(), "2025-05-01");
    /// assert_eq!(docs[0].outlet(), Some("Wire"));
    /// assert_eq!(docs[1].id(), "feed.json#2");
    ///
    /// let err = Document::from_json("feed.json", r#"{"id": 1}"#).unwrap_err();
    /// assert!(err.to_string().contains("missing field `text`"));
    /// ```
    pub fn from_json(origin: &str, text: &str) -> Result<Vec<Document>, Error> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| record_error(origin, 0, &e))?;
        let records = match value {
            serde_json::Value::Array(items) => items,
            other => vec![other],
        };
        records
            .into_iter()
            .enumerate()
            .map(|(i, value)| {
                let record: Record = serde_json::from_value(value).map_err(|e| {
                    Error::new(ErrorKind::Record {
                        origin: origin.to_string(),
                        line: 0,
                        column: 0,
                        message: format!("record {}: {e}", i + 1),
                    })
                })?;
                Ok(record.into_document(origin, format!("{origin}#{}", i + 1)))
            })
            .collect()
    }

    /// Reads JSON Lines of article records (see [`Document::from_json`]),
    /// one per line; blank lines are passed over. A line that is not a
    /// record gives an error naming its line, and the other lines are
    /// still read. A record with no `id` is named `origin:LINE`.
    ///
    /// ```
    /// use gainsay::{Document, ErrorKind};
    ///
    /// let lines = "{\"id\": \"a\", \"text\": \"The vote passed.\"}\n\nnot json\n{\"text\": \"It failed.\"}\n";
    /// let read: Vec<_> = Document::from_jsonl("day.jsonl", lines).collect();
    /// assert_eq!(read[0].as_ref().unwrap().id(), "a");
    /// assert!(matches!(read[1].as_ref().unwrap_err().kind(), ErrorKind::Record { line: 3, .. }));
    /// assert_eq!(read[2].as_ref().unwrap().id(), "day.jsonl:4");
    /// ```
    pub fn from_jsonl<'a>(
        origin: &'a str,
        text: &'a str,
    ) -> impl Iterator<Item = Result<Document, Error>> + 'a {
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(move |(i, line)| record_line(origin, i + 1, line))
    }

    /// Reads JSON Lines of article records from a reader, one line at a
    /// time, as [`Document::from_jsonl`] reads them from a string: a day of
    /// articles is never held twice in memory. A line that is not UTF-8 or
    /// not a record gives an error naming its line, and reading goes on; a
    /// failing reader gives one [`ErrorKind::Io`] error and ends.
    ///
    /// ```
    /// use gainsay::{Document, ErrorKind};
    ///
    /// let lines = b"{\"id\": \"a\", \"text\": \"The vote passed.\"}\n\xff\n{\"text\": \"It failed.\"}";
    /// let read: Vec<_> = Document::read_jsonl("day.jsonl", &lines[..]).collect();
    /// assert_eq!(read[0].as_ref().unwrap().id(), "a");
    /// assert!(matches!(read[1].as_ref().unwrap_err().kind(), ErrorKind::Record { line: 2, .. }));
    /// assert_eq!(read[2].as_ref().unwrap().id(), "day.jsonl:3");
    /// ```
    pub fn read_jsonl<'a, R: std::io::BufRead + 'a>(
        origin: &'a str,
        mut reader: R,
    ) -> impl Iterator<Item = Result<Document, Error>> + 'a {
        let mut buf = Vec::new();
        let mut line = 0;
        let mut done = false;
        std::iter::from_fn(move || {
            while !done {
                buf.clear();
                match reader.read_until(b'\n', &mut buf) {
                    Ok(0) => done = true,
                    Err(source) => {
                        done = true;
                        return Some(Err(Error::new(ErrorKind::Io {
                            path: origin.into(),
                            source,
                        })));
                    }
                    Ok(_) => {
                        line += 1;
                        // The line ending, as `str::lines` drops it.
                        if buf.ends_with(b"\n") {
                            buf.pop();
                            if buf.ends_with(b"\r") {
                                buf.pop();
                            }
                        }
                        let text = match std::str::from_utf8(&buf) {
                            Ok(text) => text,
                            Err(e) => {
                                return Some(Err(Error::new(ErrorKind::Record {
                                    origin: origin.to_string(),
                                    line,
                                    column: e.valid_up_to() + 1,
                                    message: "not valid UTF-8".to_string(),
                                })));
                            }
                        };
                        if !text.trim().is_empty() {
                            return Some(record_line(origin, line, text));
                        }
                    }
                }
            }
            None
        })
    }

    /// Reads an HTML page: its text, with block elements on their own lines,
    /// as the document's text. Scripts, styles and markup are dropped; the
    /// page's `<title>` is not part of the text. Spans point into the text.
    ///
    /// ```
    /// use gainsay::Document;
    ///
    /// let page = "<html><head><title>T</title><script>x()</script></head><body>\
    ///     <h1>Truce holds</h1><p>The truce is <b>holding</b>, officials said.</p></body></html>";
    /// let doc = Document::from_html("page", page).unwrap();
    /// assert!(doc.text().contains("The truce is holding, officials said."));
    /// assert!(!doc.text().contains("x()"));
    /// ```
    #[cfg(feature = "html")]
    pub fn from_html(id: impl Into<String>, html: &str) -> Result<Document, Error> {
        let id = id.into();
        let decorator = html2text::render::TrivialDecorator::new();
        let text = html2text::config::with_decorator(decorator)
            .link_footnotes(false)
            .raw_mode(true)
            .allow_width_overflow()
            .string_from_read(html.as_bytes(), HTML_WIDTH)
            .map_err(|e| {
                Error::new(ErrorKind::Html {
                    origin: id.clone(),
                    message: e.to_string(),
                })
            })?;
        Ok(Document::new(id, text))
    }

    /// Sets the date.
    ///
    /// ```
    /// use gainsay::{Date, Document};
    ///
    /// let doc = Document::new("a", "Text.")
    ///     .with_id("wire-7")
    ///     .with_date("2025-04-01".parse::<Date>().unwrap())
    ///     .with_outlet("Wire")
    ///     .with_title("Truce holds")
    ///     .with_path("feeds/wire-7.txt");
    /// assert_eq!(doc.id(), "wire-7");
    /// assert_eq!(doc.date().unwrap().to_string(), "2025-04-01");
    /// assert_eq!((doc.outlet(), doc.title()), (Some("Wire"), Some("Truce holds")));
    /// assert_eq!(doc.path(), Some("feeds/wire-7.txt"));
    /// ```
    pub fn with_date(mut self, date: Date) -> Document {
        self.date = Some(date);
        self
    }

    /// Sets the outlet (the publisher).
    pub fn with_outlet(mut self, outlet: impl Into<String>) -> Document {
        self.outlet = Some(outlet.into());
        self
    }

    /// Sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Document {
        self.title = Some(title.into());
        self
    }

    /// Sets the path the document was read from.
    pub fn with_path(mut self, path: impl Into<String>) -> Document {
        self.path = Some(path.into());
        self
    }

    /// Sets the id.
    pub fn with_id(mut self, id: impl Into<String>) -> Document {
        self.id = id.into();
        self
    }

    /// The id (for files, the file stem).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The path the document was read from, if any.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The whole text, header included.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The span of the text that is analysed.
    pub fn body(&self) -> Span {
        self.body
    }

    /// The publication date, if known.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// The outlet, if known.
    pub fn outlet(&self) -> Option<&str> {
        self.outlet.as_deref()
    }

    /// The title, if known.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The URL, if known.
    ///
    /// ```
    /// let doc = gainsay::Document::parse("a", "url: https://example.org/a\n\nText.");
    /// assert_eq!(doc.url(), Some("https://example.org/a"));
    /// assert!(doc.warnings().is_empty());
    /// ```
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// Problems met while reading the header (the document is still used).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    fn read_header(&mut self) {
        let text = std::mem::take(&mut self.text);
        let mut pos = 0;
        let mut seen = false;
        for (number, line) in text.split_inclusive('\n').enumerate() {
            let next = pos + line.len();
            let trimmed = line.trim();
            if trimmed.is_empty() {
                if seen {
                    pos = next;
                }
                break;
            }
            if let Some((key, value)) = header_line(trimmed) {
                self.set_header(number + 1, &key, value.trim());
                seen = true;
                pos = next;
                continue;
            }
            if number == 0
                && let Some((start, end)) = inline_date(line)
            {
                self.set_header(1, "date", &line[start..end]);
                let rest = &line[end..];
                pos = end + (rest.len() - rest.trim_start().len());
            }
            break;
        }
        self.body = Span::new(pos, text.len());
        self.text = text;
    }

    fn set_header(&mut self, line: usize, key: &str, value: &str) {
        let value = value.to_string();
        match key {
            "date" | "published" => match value.parse::<Date>() {
                Ok(date) => self.date = Some(date),
                Err(_) => {
                    let place = match line {
                        0 => "record".to_string(),
                        n => format!("line {n}"),
                    };
                    self.warnings.push(format!(
                        "{place}: malformed date {value:?} (expected YYYY-MM-DD); the document has no date"
                    ))
                }
            },
            "source" | "outlet" => self.outlet = Some(value),
            "title" => self.title = Some(value),
            "url" => self.url = Some(value),
            _ => {}
        }
    }
}

/// Lines of HTML text are wrapped at this width; wide enough that a
/// paragraph stays one line.
#[cfg(feature = "html")]
const HTML_WIDTH: usize = 100_000;

/// One article as scrapers and news APIs emit it.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(alias = "body", alias = "content")]
    text: String,
    #[serde(
        default,
        alias = "published",
        alias = "published_at",
        alias = "publishedAt"
    )]
    date: Option<String>,
    #[serde(default, alias = "source")]
    outlet: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

impl Record {
    fn into_document(self, origin: &str, fallback_id: String) -> Document {
        let id = match self.id {
            Some(serde_json::Value::String(id)) if !id.is_empty() => id,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => fallback_id,
        };
        let mut doc = Document::new(id, self.text).with_path(origin);
        if let Some(date) = self.date {
            doc.set_header(0, "date", &date);
        }
        doc.outlet = match self.outlet {
            Some(serde_json::Value::String(name)) => Some(name),
            Some(serde_json::Value::Object(map)) => {
                map.get("name").and_then(|n| n.as_str()).map(str::to_string)
            }
            _ => None,
        };
        doc.title = self.title;
        doc.url = self.url;
        doc
    }
}

/// The document on one line of JSON Lines, named `origin:LINE` when it
/// has no id.
fn record_line(origin: &str, line: usize, text: &str) -> Result<Document, Error> {
    let record: Record = serde_json::from_str(text).map_err(|e| record_error(origin, line, &e))?;
    Ok(record.into_document(origin, format!("{origin}:{line}")))
}

fn record_error(origin: &str, line: usize, e: &serde_json::Error) -> Error {
    Error::new(ErrorKind::Record {
        origin: origin.to_string(),
        line: if line == 0 { e.line() } else { line },
        column: e.column(),
        message: crate::error::without_serde_position(&e.to_string()).to_string(),
    })
}

/// `key: value` with a known key.
fn header_line(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim().to_ascii_lowercase();
    HEADER_KEYS.contains(&key.as_str()).then_some((key, value))
}

/// A leading `date YYYY-MM-DD` on a line that goes on with text: the byte
/// range of the date token.
fn inline_date(line: &str) -> Option<(usize, usize)> {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    let word = rest.get(..4)?;
    if !word.eq_ignore_ascii_case("date") {
        return None;
    }
    let after_word = &rest[4..];
    let gap = after_word.len() - after_word.trim_start().len();
    if gap == 0 {
        return None;
    }
    let start = lead + 4 + gap;
    let token = line.get(start..start + 10)?;
    token.parse::<Date>().ok()?;
    let end = start + 10;
    let tail = &line[end..];
    (tail.is_empty() || tail.starts_with(char::is_whitespace)).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_then_blank() {
        let doc = Document::parse(
            "a",
            "title: Talks end\nsource: Daily Wire\ndate: 2024-03-02\n\nBody here.\n",
        );
        assert_eq!(doc.title(), Some("Talks end"));
        assert_eq!(doc.outlet(), Some("Daily Wire"));
        assert_eq!(
            doc.date().map(|d| d.to_string()).as_deref(),
            Some("2024-03-02")
        );
        assert_eq!(&doc.text()[doc.body().range()], "Body here.\n");
    }

    #[test]
    fn no_header_keeps_all_text() {
        let doc = Document::parse("a", "Note: this is body text.\nMore.");
        assert_eq!(doc.body().start, 0);
        assert_eq!(doc.date(), None);
    }

    #[test]
    fn inline_date_on_first_line() {
        let doc = Document::parse("a", "date 2025-11-08 Talks resumed.\nMore.");
        assert_eq!(doc.date().unwrap().to_string(), "2025-11-08");
        assert!(doc.text()[doc.body().range()].starts_with("Talks resumed."));
        // Not a date token: nothing is taken.
        let doc = Document::parse("b", "date night plans were cancelled.");
        assert_eq!(doc.body().start, 0);
    }

    #[test]
    fn malformed_date_is_a_warning() {
        let doc = Document::parse("a", "title: T\ndate: 2025-13-01\n\nBody.");
        assert_eq!(doc.date(), None);
        assert_eq!(doc.warnings().len(), 1);
        assert!(doc.warnings()[0].starts_with("line 2:"));
    }

    #[test]
    fn non_utf8_files_are_typed_errors_with_the_offset() {
        let path = std::env::temp_dir().join(format!("gainsay-utf8-{}.txt", std::process::id()));
        std::fs::write(&path, b"abc\xffdef").unwrap();
        let err = Document::from_path(&path).unwrap_err();
        std::fs::remove_file(&path).ok();
        assert!(matches!(err.kind(), ErrorKind::NotUtf8 { offset: 3, .. }));
        assert!(err.to_string().contains("offset 3"));
    }

    #[test]
    fn header_without_blank_line() {
        let doc = Document::parse("a", "date: 2025-01-02\nThe vote passed.");
        assert_eq!(&doc.text()[doc.body().range()], "The vote passed.");
    }
}
