//! One key as users of terminal tools write it: `n`, `N`, `?`, `Space`, `Enter`,
//! `Esc`, `Tab`, `Shift-Tab`, `Ctrl-z`, `Alt-Enter`, `F1`, `PgDn`, `Up`… The same pair
//! of functions reads a name (from a config file) and writes one (for the help).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// A key and its modifiers, as a binding matches it. A character carries its own
/// case, so Shift is not kept with it (`N`, not `Shift-n`); Shift-Tab is its own key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
}

const MODIFIERS: [(&str, KeyModifiers); 3] = [
    ("Ctrl", KeyModifiers::CONTROL),
    ("Alt", KeyModifiers::ALT),
    ("Shift", KeyModifiers::SHIFT),
];

/// Named keys: the name written and read first, then other names read.
const NAMES: [(KeyCode, &[&str]); 16] = [
    (KeyCode::Char(' '), &["Space"]),
    (KeyCode::Enter, &["Enter", "Return"]),
    (KeyCode::Esc, &["Esc", "Escape"]),
    (KeyCode::Tab, &["Tab"]),
    (KeyCode::BackTab, &["BackTab"]),
    (KeyCode::Backspace, &["Backspace"]),
    (KeyCode::Delete, &["Delete", "Del"]),
    (KeyCode::Insert, &["Insert", "Ins"]),
    (KeyCode::Home, &["Home"]),
    (KeyCode::End, &["End"]),
    (KeyCode::PageUp, &["PgUp", "PageUp"]),
    (KeyCode::PageDown, &["PgDn", "PageDown"]),
    (KeyCode::Up, &["Up"]),
    (KeyCode::Down, &["Down"]),
    (KeyCode::Left, &["Left"]),
    (KeyCode::Right, &["Right"]),
];

impl Key {
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Key {
        let mut modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        Key { code, modifiers }
    }

    pub fn plain(code: KeyCode) -> Key {
        Key::new(code, KeyModifiers::NONE)
    }

    /// The same key without Shift, when Shift is not part of what it is: Shift-Home
    /// does what Home does unless something is bound to Shift-Home itself.
    pub fn unshifted(self) -> Option<Key> {
        self.modifiers.contains(KeyModifiers::SHIFT).then(|| Key {
            code: self.code,
            modifiers: self.modifiers - KeyModifiers::SHIFT,
        })
    }

    /// A key with Ctrl or Alt, or a function key: one that typing never produces.
    pub fn is_command(self) -> bool {
        self.modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            || matches!(self.code, KeyCode::F(_))
    }

    /// The character of a plain character key, for "1…9".
    pub fn char(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if self.modifiers.is_empty() && c != ' ' => Some(c),
            _ => None,
        }
    }

    /// Reads a key name: a character as typed, or a named key, after any number of
    /// `Ctrl-`, `Alt-`, `Shift-` (or `+`) prefixes, in any case.
    pub fn parse(name: &str) -> Result<Key, String> {
        let trimmed = name.trim();
        let mut rest = trimmed;
        let mut modifiers = KeyModifiers::NONE;
        'prefixes: loop {
            for (prefix, modifier) in MODIFIERS {
                let n = prefix.len();
                if rest.len() > n + 1
                    && rest.is_char_boundary(n)
                    && rest[..n].eq_ignore_ascii_case(prefix)
                    && matches!(rest.as_bytes()[n], b'-' | b'+')
                {
                    modifiers |= modifier;
                    rest = &rest[n + 1..];
                    continue 'prefixes;
                }
            }
            break;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => named(rest).ok_or_else(|| {
                format!(
                    "{trimmed:?} is not a key: write a character (\"n\", \"N\", \"?\") or a \
                     name such as Enter, Esc, Space, Tab, Up, PgDn or F1, with Ctrl-, Alt- \
                     or Shift- in front"
                )
            })?,
        };
        if let KeyCode::Char(c) = code
            && modifiers.contains(KeyModifiers::SHIFT)
        {
            if c.is_uppercase() {
                return Ok(Key::new(code, modifiers));
            }
            if !c.is_lowercase() {
                return Err(format!(
                    "{trimmed:?}: write the character Shift makes instead (\"N\", \"!\")"
                ));
            }
            let upper: Vec<char> = c.to_uppercase().collect();
            return match upper[..] {
                [u] => Ok(Key::new(KeyCode::Char(u), modifiers)),
                _ => Err(format!(
                    "{trimmed:?}: write the character Shift makes instead"
                )),
            };
        }
        Ok(Key::new(code, modifiers))
    }
}

fn named(name: &str) -> Option<KeyCode> {
    if let Some(n) = name
        .strip_prefix(['F', 'f'])
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=24).contains(n))
    {
        return Some(KeyCode::F(n));
    }
    NAMES
        .iter()
        .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .map(|(code, _)| *code)
}

impl From<KeyEvent> for Key {
    fn from(event: KeyEvent) -> Key {
        Key::new(event.code, event.modifiers)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (prefix, modifier) in MODIFIERS {
            if self.modifiers.contains(modifier) {
                write!(f, "{prefix}-")?;
            }
        }
        match self.code {
            KeyCode::BackTab => write!(f, "Shift-Tab"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => match NAMES.iter().find(|(c, _)| *c == code) {
                Some((_, names)) => write!(f, "{}", names[0]),
                None => match code {
                    KeyCode::Char(c) => write!(f, "{c}"),
                    other => write!(f, "{other:?}"),
                },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key::new(code, modifiers)
    }

    #[test]
    fn names_read_as_terminal_users_write_them() {
        let none = KeyModifiers::NONE;
        let cases = [
            ("n", key(KeyCode::Char('n'), none)),
            ("N", key(KeyCode::Char('N'), none)),
            ("Shift-n", key(KeyCode::Char('N'), none)),
            ("?", key(KeyCode::Char('?'), none)),
            ("-", key(KeyCode::Char('-'), none)),
            ("Space", key(KeyCode::Char(' '), none)),
            ("enter", key(KeyCode::Enter, none)),
            ("Esc", key(KeyCode::Esc, none)),
            ("Escape", key(KeyCode::Esc, none)),
            ("Shift-Tab", key(KeyCode::BackTab, none)),
            ("Ctrl-z", key(KeyCode::Char('z'), KeyModifiers::CONTROL)),
            ("ctrl+z", key(KeyCode::Char('z'), KeyModifiers::CONTROL)),
            ("Ctrl--", key(KeyCode::Char('-'), KeyModifiers::CONTROL)),
            ("Alt-Enter", key(KeyCode::Enter, KeyModifiers::ALT)),
            ("Shift-Up", key(KeyCode::Up, KeyModifiers::SHIFT)),
            ("F1", key(KeyCode::F(1), none)),
            ("f12", key(KeyCode::F(12), none)),
            ("PgDn", key(KeyCode::PageDown, none)),
            ("PageUp", key(KeyCode::PageUp, none)),
            ("Del", key(KeyCode::Delete, none)),
            ("会", key(KeyCode::Char('会'), none)),
        ];
        for (name, expected) in cases {
            assert_eq!(Key::parse(name), Ok(expected), "{name}");
        }
    }

    #[test]
    fn what_is_not_a_key_says_so() {
        for bad in [
            "", "Ctrl-", "Hyper-x", "F0", "F25", "Enterr", "Shift-1", "ab",
        ] {
            let error = Key::parse(bad).expect_err(bad);
            assert!(error.contains(bad.trim()), "{error}");
        }
    }

    #[test]
    fn every_key_written_reads_back_the_same() {
        let mut keys: Vec<Key> = Vec::new();
        let codes = NAMES
            .iter()
            .map(|(c, _)| *c)
            .chain((1..=24).map(KeyCode::F))
            .chain("aZ09?+-=_<>[]/!~".chars().map(KeyCode::Char));
        for code in codes {
            for bits in 0..8u8 {
                let mut m = KeyModifiers::NONE;
                for (i, (_, modifier)) in MODIFIERS.iter().enumerate() {
                    if bits & (1 << i) != 0 {
                        m |= *modifier;
                    }
                }
                keys.push(Key::new(code, m));
            }
        }
        for k in keys {
            let name = k.to_string();
            assert_eq!(Key::parse(&name), Ok(k), "{name}");
            assert_eq!(Key::parse(&name).unwrap().to_string(), name);
        }
    }

    #[test]
    fn events_match_what_the_terminal_sends() {
        let shifted_n = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(Key::from(shifted_n), Key::parse("N").unwrap());
        let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from(back_tab), Key::parse("Shift-Tab").unwrap());
        let shift_home = Key::from(KeyEvent::new(KeyCode::Home, KeyModifiers::SHIFT));
        assert_eq!(shift_home.unshifted(), Some(Key::parse("Home").unwrap()));
    }
}
