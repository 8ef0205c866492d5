//! The crate's error type.

use std::fmt;
use std::path::PathBuf;

/// An error from reading documents or building a detector.
///
/// The error is opaque; [`Error::kind`] says what went wrong.
///
/// ```
/// use gainsay::{Document, ErrorKind};
///
/// let err = Document::from_path("no/such/file.txt").unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::Io { .. }));
/// assert!(err.to_string().contains("no/such/file.txt"));
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong.
///
/// ```
/// use gainsay::{ErrorKind, Lexicon};
///
/// let err = Lexicon::from_json("{\n  \"frames\": 7\n}").unwrap_err();
/// match err.kind() {
///     ErrorKind::Lexicon { line, .. } => assert_eq!(*line, 2),
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or folder could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A file's bytes are not valid UTF-8.
    #[error("{}: not valid UTF-8 (first bad byte at offset {offset})", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A lexicon file could not be parsed or is inconsistent.
    #[error("lexicon {origin}: {}", at(*.line, *.column, .message))]
    Lexicon {
        /// Where the lexicon came from (a path, or `<string>`).
        origin: String,
        /// 1-based line of the problem, 0 when unknown.
        line: usize,
        /// 1-based column of the problem, 0 when unknown.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A date string is not a valid `YYYY-MM-DD` calendar date.
    #[error("not a YYYY-MM-DD date: {text:?}")]
    Date {
        /// The text that failed to parse.
        text: String,
    },
    /// An article record (JSON or one line of JSON Lines) could not be read.
    #[error("{origin}: {}", at(*.line, *.column, .message))]
    Record {
        /// Where the record came from (a path, or `<stdin>`).
        origin: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem, 0 when unknown.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// An HTML page could not be reduced to text.
    #[error("{origin}: cannot read as HTML: {message}")]
    Html {
        /// Where the page came from.
        origin: String,
        /// What is wrong.
        message: String,
    },
    /// A configuration value is out of range.
    #[error("invalid configuration: {message}")]
    Config {
        /// What is wrong.
        message: String,
    },
}

/// "line 3, column 7: message", with the parts that are known, and without
/// the position serde_json adds to its own messages (" at line 1 column 7"),
/// so that a position is written once.
///
/// ```
/// use gainsay::{Document, ErrorKind};
///
/// let err = Document::from_jsonl("feed.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": 3")
///     .nth(1)
///     .unwrap()
///     .unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::Record { line: 2, column: 8, .. }));
/// assert_eq!(err.to_string(), "feed.jsonl: line 2, column 8: EOF while parsing an object");
/// ```
fn at(line: usize, column: usize, message: &str) -> String {
    let message = without_serde_position(message);
    match (line, column) {
        (0, _) => message.to_string(),
        (line, 0) => format!("line {line}: {message}"),
        (line, column) => format!("line {line}, column {column}: {message}"),
    }
}

/// A serde_json message without the " at line L column C" it ends with.
pub(crate) fn without_serde_position(message: &str) -> &str {
    let Some(at) = message.rfind(" at line ") else {
        return message;
    };
    let rest = message.get(at + " at line ".len()..).unwrap_or_default();
    let mut words = rest.split(' ');
    let is_number =
        |w: Option<&str>| w.is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    let position = is_number(words.next())
        && words.next() == Some("column")
        && is_number(words.next())
        && words.next().is_none();
    if position {
        message.get(..at).unwrap_or(message)
    } else {
        message
    }
}

impl Error {
    /// What went wrong.
    ///
    /// ```
    /// let err = gainsay::Detector::builder().min_score(2.0).build().unwrap_err();
    /// assert!(matches!(err.kind(), gainsay::ErrorKind::Config { .. }));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::new(ErrorKind::Io {
            path: path.into(),
            source,
        })
    }

    pub(crate) fn config(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Config {
            message: message.into(),
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.kind)
    }
}
