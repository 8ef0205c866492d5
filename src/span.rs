//! Byte spans into a document's text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text.
///
/// Spans are never rewritten: `&document.text()[span.range()]` is always
/// the text the span was made from.
///
/// ```
/// use gainsay::Span;
///
/// let span = Span::new(4, 9);
/// assert_eq!(&"The talks ended."[span.range()], "talks");
/// assert_eq!(span.len(), 5);
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// ```
    /// assert_eq!(gainsay::Span::new(2, 5).end, 5);
    /// ```
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a range, for slicing.
    ///
    /// ```
    /// assert_eq!(&"abcdef"[gainsay::Span::new(1, 3).range()], "bc");
    /// ```
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    ///
    /// ```
    /// assert_eq!(gainsay::Span::new(1, 3).len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span holds no bytes.
    ///
    /// ```
    /// assert!(gainsay::Span::new(3, 3).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The span moved right by `offset` bytes.
    pub(crate) fn shift(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// Whether the two spans share a byte.
    pub(crate) fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies inside this span.
    ///
    /// ```
    /// assert!(gainsay::Span::new(0, 9).contains(gainsay::Span::new(2, 4)));
    /// ```
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
