//! Cleaning user text before it is stored or drawn.

/// A character `sanitize` removes or rewrites.
fn needs_cleaning(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_override(c)
}

/// Bidi overrides can make text display differently from what it says.
fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `sanitize` without a copy when the text is already clean, for drawing text that
/// came from a file (it is cleaned when typed, but a file can be edited by hand).
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(needs_cleaning) {
        std::borrow::Cow::Owned(sanitize(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Removes control characters and terminal escape sequences, keeping newlines and
/// turning tabs into spaces. Everything a user types or pastes goes through here.
pub fn sanitize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\r' => {
                // CRLF and lone CR both end a line.
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{1b}' => skip_escape(&mut chars),
            // C1 controls include CSI (U+009B), which some terminals honour on its own.
            c if c.is_control() => {}
            c if is_bidi_override(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Sanitizes text meant for one line: newlines become spaces.
pub fn sanitize_line(input: &str) -> String {
    sanitize(input).replace('\n', " ")
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        // CSI: parameters and intermediates, ended by a byte in @..~
        Some('[') => {
            chars.next();
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
        // OSC, DCS, APC, PM, SOS: a string ended by BEL or ESC \
        Some(']' | 'P' | '_' | '^' | 'X') => {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        // A two-character escape such as ESC c (reset).
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

/// Whether a JSON document's text may hold a string `clean_json` would change: an
/// escaped control character other than a newline (`\t`, `\r`, `\b`, `\f`, any `\u`
/// escape, to be safe), or a raw control or bidi character. A clean file (every file
/// convene writes) can then be read straight into its types, with no tree to walk.
pub fn json_needs_cleaning(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                if matches!(bytes.get(i + 1), Some(b'u' | b't' | b'r' | b'b' | b'f')) {
                    return true;
                }
                i += 2;
                continue;
            }
            b'\n' => {}
            b if b < 0x20 || b == 0x7f => return true,
            // C1 controls (U+0080-U+009F) and bidi overrides are not ASCII: check the
            // characters themselves, rarely.
            b if b >= 0x80 => {
                let rest = &text[i..];
                let c = rest.chars().next().expect("a character starts here");
                if needs_cleaning(c) {
                    return true;
                }
                i += c.len_utf8();
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// Cleans every string of a JSON document, object keys included, the way typed text
/// is cleaned: a file edited outside convene must not carry escape sequences or bidi
/// overrides into the app or its exports. Returns whether anything changed.
pub fn clean_json(value: &mut serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::String(text) => match clean(text) {
            std::borrow::Cow::Borrowed(_) => false,
            std::borrow::Cow::Owned(cleaned) => {
                *text = cleaned;
                true
            }
        },
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |changed, v| clean_json(v) | changed),
        Value::Object(map) => {
            let mut changed = false;
            let keys: Vec<String> = map
                .keys()
                .filter(|k| matches!(clean(k), std::borrow::Cow::Owned(_)))
                .cloned()
                .collect();
            for key in keys {
                let entry = map.remove(&key).expect("a key just listed");
                // Two keys that clean to the same text keep both entries.
                let mut cleaned = sanitize(&key);
                while map.contains_key(&cleaned) {
                    cleaned.push('~');
                }
                map.insert(cleaned, entry);
                changed = true;
            }
            map.values_mut()
                .fold(changed, |changed, v| clean_json(v) | changed)
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}

/// Shortens text to at most `max` characters, marking the cut with an ellipsis.
/// "an action", "a benchmark": a noun from a template, with its article (by its first
/// letter, which is right for the nouns templates use).
pub fn with_article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clean_json_text_is_told_from_one_that_needs_cleaning() {
        for clean in [
            r#"{"a": "line one\nline two", "path": "C:\\temp", "b": "café 会議"}"#,
            "{\n  \"a\": 1\n}",
        ] {
            assert!(!json_needs_cleaning(clean), "{clean}");
        }
        for dirty in [
            r#"{"a": "tab\there"}"#,
            r#"{"a": "\u001b[2J"}"#,
            "{\"a\": \"bidi \u{202e}x\"}",
            "{\"a\": \"csi \u{9b}2J\"}",
            "{\r\n}",
        ] {
            assert!(json_needs_cleaning(dirty), "{dirty}");
        }
    }

    #[test]
    fn strips_escape_sequences_and_controls() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(sanitize("x\u{1b}]8;;http://e\u{1b}\\link"), "xlink");
        assert_eq!(sanitize("bell\u{7}\u{8}\u{0}!"), "bell!");
        assert_eq!(sanitize("c1\u{9b}2J"), "c12J");
        assert_eq!(sanitize("reset\u{1b}c"), "reset");
    }

    #[test]
    fn keeps_lines_wide_characters_and_emoji() {
        assert_eq!(sanitize("one\r\ntwo\rthree\tfour"), "one\ntwo\nthree four");
        assert_eq!(sanitize("会議 🎉 ok"), "会議 🎉 ok");
        assert_eq!(sanitize_line("a\nb"), "a b");
    }

    #[test]
    fn clean_copies_only_what_needs_cleaning() {
        assert!(matches!(
            clean("plain 会議 🎉\nline"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(clean("a\u{1b}[31mb\u{202e}c"), "abc");
    }

    #[test]
    fn clean_json_cleans_every_string_and_key_and_keeps_the_rest() {
        let mut value = serde_json::json!({
            "title": "a\u{1b}]0;pwned\u{7}b",
            "list": ["ok", "x\u{202e}y", 3, null, true],
            "cells": { "k\u{1b}[1m": "v\tw", "k": "kept" },
        });
        assert!(clean_json(&mut value));
        assert_eq!(
            value,
            serde_json::json!({
                "title": "ab",
                "list": ["ok", "xy", 3, null, true],
                "cells": { "k~": "v w", "k": "kept" },
            })
        );
        assert!(!clean_json(&mut value), "clean text is left as it is");
    }

    #[test]
    fn a_noun_gets_its_article() {
        assert_eq!(with_article("action"), "an action");
        assert_eq!(with_article("benchmark"), "a benchmark");
        assert_eq!(with_article("Early evidence"), "an Early evidence");
    }

    #[test]
    fn shorten_marks_the_cut() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
