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

    /// Sets the date.
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
                Err(_) => self.warnings.push(format!(
                    "line {line}: malformed date {value:?} (expected YYYY-MM-DD); the document has no date"
                )),
            },
            "source" | "outlet" => self.outlet = Some(value),
            "title" => self.title = Some(value),
            "url" => self.url = Some(value),
            _ => {}
        }
    }
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
