//! Laying text out in terminal columns: word wrap and cutting by display width, so
//! wide characters (CJK, emoji) are never split across a cell edge.

use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Greedy word wrap by display width. Words longer than a line break between
/// characters, never inside one (a wide character moves to the next line whole).
/// Calls `emit` with each line until it returns false.
pub fn wrap<'a>(text: &'a str, width: usize, mut emit: impl FnMut(&'a str) -> bool) {
    let width = width.max(1);
    for paragraph in text.split('\n') {
        let mut rest = paragraph;
        let mut first = true;
        loop {
            if !first {
                rest = rest.trim_start_matches(' ');
            }
            if rest.is_empty() {
                if first && !emit("") {
                    return;
                }
                break;
            }
            first = false;
            let (mut used, mut end, mut space) = (0usize, 0usize, None);
            let mut fits_all = true;
            for (i, c) in rest.char_indices() {
                let w = c.width().unwrap_or(0);
                if used + w > width {
                    fits_all = false;
                    if c == ' ' {
                        space = Some(i);
                    }
                    break;
                }
                if c == ' ' {
                    space = Some(i);
                }
                used += w;
                end = i + c.len_utf8();
            }
            if fits_all {
                if !emit(rest) {
                    return;
                }
                break;
            }
            let cut = match space {
                Some(s) if s > 0 => s,
                // No room even for one character: take it anyway so we move on.
                _ if end == 0 => rest.chars().next().map_or(rest.len(), char::len_utf8),
                _ => end,
            };
            if !emit(rest[..cut].trim_end_matches(' ')) {
                return;
            }
            rest = &rest[cut..];
        }
    }
}

/// At most `max_lines` wrapped lines; when text remains, the last ends in "…".
pub fn wrap_lines(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut more = false;
    wrap(text, width, |line| {
        if lines.len() == max_lines {
            more = true;
            return false;
        }
        lines.push(line.to_string());
        true
    });
    if more && let Some(last) = lines.last_mut() {
        *last = shorten_to_width(&format!("{last} …"), width).into_owned();
    }
    lines
}

/// The longest start of `line` that fits in `width` columns.
pub fn fit(line: &str, width: usize) -> &str {
    let mut used = 0;
    for (i, c) in line.char_indices() {
        used += c.width().unwrap_or(0);
        if used > width {
            return &line[..i];
        }
    }
    line
}

/// `text` cut to `width` columns, with "…" marking the cut.
pub fn shorten_to_width(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        Cow::Borrowed(text)
    } else if width == 0 {
        Cow::Borrowed("")
    } else {
        Cow::Owned(format!("{}…", fit(text, width - 1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        let mut out = Vec::new();
        wrap(text, width, |l| {
            out.push(l);
            true
        });
        out
    }

    #[test]
    fn wraps_words_and_breaks_long_ones() {
        assert_eq!(
            lines("call the mayor today", 9),
            ["call the", "mayor", "today"]
        );
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(lines("one\n\ntwo", 10), ["one", "", "two"]);
    }

    #[test]
    fn wide_characters_never_straddle_the_edge() {
        assert_eq!(lines("会議室を予約", 5), ["会議", "室を", "予約"]);
        for line in lines("🎉 party 🎉🎉🎉", 3) {
            assert!(line.width() <= 3, "{line:?}");
        }
    }

    #[test]
    fn cuts_are_marked_and_fit() {
        assert_eq!(shorten_to_width("Ben Okafor", 7), "Ben Ok…");
        assert_eq!(shorten_to_width("会議室", 4), "会…");
        assert_eq!(shorten_to_width("short", 9), "short");
        assert_eq!(wrap_lines("one two three four", 9, 1), ["one two …"]);
        assert_eq!(wrap_lines("one two", 9, 3), ["one two"]);
    }
}
