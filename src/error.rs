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
    #[error("lexicon {origin}: line {line}, column {column}: {message}")]
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
    #[error("{origin}: line {line}, column {column}: {message}")]
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
