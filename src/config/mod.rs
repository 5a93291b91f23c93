//! Settings from `config.toml`, parsed from text with no disk access (storage::config
//! reads the file). Each setting is checked on its own: a wrong one is reported with
//! its line and left at its default, so a typo never stops a workshop. A file that is
//! not TOML at all is ignored whole.
//!
//! theme, bell and panel are what a *new* session starts with; a session then keeps
//! whatever was toggled in it (`L`, `b`, `f`), saved in its own file.

mod keys;

pub use keys::KeyPatch;

use crate::domain::session::{Settings, ThemeName};
use std::fmt;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The template `convene` and `convene new` start: a name or a file.
    pub template: Option<String>,
    /// The sessions folder as written (storage resolves `~` and relative paths).
    pub sessions: Option<String>,
    /// What a new session starts with.
    pub session: Settings,
    /// Key bindings changed from the defaults, in the order written.
    pub keys: Vec<KeyPatch>,
}

/// Something wrong in the file, and what convene does instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based; 0 when it is about the file as a whole.
    pub line: usize,
    /// 1-based; 0 when only the line is known.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => {}
            (line, 0) => write!(f, "line {line}: ")?,
            (line, column) => write!(f, "line {line}, column {column}: ")?,
        }
        f.write_str(&self.message)
    }
}

/// The settings the file names, in the order `convene config` shows them.
const KNOWN: &str = "template, sessions, theme, bell, panel, keys";

pub fn parse(text: &str) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let table = match DeTable::parse(text) {
        Ok(table) => table,
        Err(e) => {
            let (line, column) = position(text, e.span().map_or(0, |s| s.start));
            problems.push(Problem {
                line,
                column,
                message: format!(
                    "not valid TOML: {}; the whole file is ignored and the defaults used",
                    e.message().trim_end()
                ),
            });
            return (config, problems);
        }
    };
    for (key, value) in table.get_ref() {
        let mut problem = |at: usize, message: String| {
            problems.push(Problem {
                line: position(text, at).0,
                column: 0,
                message,
            })
        };
        let at = value.span().start;
        match key.get_ref().as_ref() {
            "template" => match text_value(value) {
                Ok(name) => config.template = Some(name),
                Err(found) => problem(
                    at,
                    format!(
                        "template must be a name or a file, not {found}; the default template is used"
                    ),
                ),
            },
            "sessions" => match text_value(value) {
                Ok(folder) => config.sessions = Some(folder),
                Err(found) => problem(
                    at,
                    format!("sessions must be a folder, not {found}; the default folder is used"),
                ),
            },
            "theme" => match value.get_ref().as_str() {
                Some("light") => config.session.theme = ThemeName::Light,
                Some("dark") => config.session.theme = ThemeName::Dark,
                _ => problem(
                    at,
                    format!(
                        "theme must be \"light\" or \"dark\", not {}; light is used",
                        shown(value)
                    ),
                ),
            },
            "bell" => match value.get_ref().as_bool() {
                Some(on) => config.session.bell = on,
                None => problem(
                    at,
                    format!(
                        "bell must be true or false, not {}; false is used",
                        shown(value)
                    ),
                ),
            },
            "panel" => match value.get_ref().as_bool() {
                Some(on) => config.session.show_panel = on,
                None => problem(
                    at,
                    format!(
                        "panel must be true or false, not {}; true is used",
                        shown(value)
                    ),
                ),
            },
            "keys" => config.keys = keys::parse(text, value, &mut problems),
            other => problem(
                key.span().start,
                format!("unknown setting {other:?} (known: {KNOWN}); it is ignored"),
            ),
        }
    }
    problems.sort_by_key(|p| p.line);
    (config, problems)
}

/// A non-empty string.
fn text_value(value: &Spanned<DeValue>) -> Result<String, String> {
    match value.get_ref().as_str() {
        Some(s) if !s.trim().is_empty() => Ok(s.to_string()),
        _ => Err(shown(value)),
    }
}

/// A value as a message shows it: a string quoted, anything else by its kind.
fn shown(value: &Spanned<DeValue>) -> String {
    match value.get_ref() {
        DeValue::String(s) => format!("{s:?}"),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Integer(i) => i.as_str().to_string(),
        other => format!(
            "a{} {}",
            if other.type_str().starts_with(['a', 'i']) {
                "n"
            } else {
                ""
            },
            other.type_str()
        ),
    }
}

/// The 1-based line and column of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A commented file to start from: as it stands it changes nothing; uncomment a line
/// to change that setting. `sessions` shows the platform's folder, `keys` every
/// default binding (from the keymap, so it cannot drift).
pub fn default_file(sessions: &str, keys: &str) -> String {
    let mut file = format!(
        r#"# convene's configuration. Every setting is commented out: as it stands this file
# changes nothing. Uncomment a line to change that setting.
# `convene config` shows the file in use and what convene makes of it.

# The workshop `convene` and `convene new` start: a built-in name or one of your
# templates (`convene templates` lists both), or a template file.
# template = "action-planning"

# Where sessions are saved. ~ is your home folder; a relative path starts beside
# this file. --dir and the CONVENE_DIR variable still win.
# sessions = {sessions:?}

# How a new session starts. Each session then keeps what is toggled in it
# (L, b and f in the app), so changing these leaves existing sessions alone.
# theme = "light"   # light or dark; light survives a washed-out projector
# bell = false      # ring the terminal bell when a step's time is up
# panel = true      # show the facilitator panel: tips, challenges, time budget

# Keys: only what you change, under its context. For example, to add notes on a
# board with n instead of a:
#   [keys.board]
#   add = "n"
# A change that names an unknown action or takes a key another action of the same
# context has is reported with its line and skipped.
"#
    );
    if !keys.is_empty() {
        file.push_str("# Every context, action and default key:\n");
    }
    for line in keys.lines() {
        if line.is_empty() || line.starts_with('#') {
            file.push_str(line);
        } else {
            file.push_str("# ");
            file.push_str(line);
        }
        file.push('\n');
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_problem(text: &str) -> Problem {
        let (_, problems) = parse(text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems.into_iter().next().unwrap()
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(parse(""), (Config::default(), vec![]));
    }

    #[test]
    fn every_setting_is_read() {
        let (config, problems) = parse(
            "template = \"ogp-roadmap\"\nsessions = \"~/workshops\"\ntheme = \"dark\"\nbell = true\npanel = false\n",
        );
        assert_eq!(problems, []);
        assert_eq!(config.template.as_deref(), Some("ogp-roadmap"));
        assert_eq!(config.sessions.as_deref(), Some("~/workshops"));
        assert_eq!(
            config.session,
            Settings {
                bell: true,
                theme: ThemeName::Dark,
                show_panel: false,
                console: false,
                share: Default::default(),
            }
        );
    }

    #[test]
    fn a_wrong_value_is_reported_with_its_line_and_the_rest_still_counts() {
        let (config, problems) = parse("bell = true\n\ntheme = \"blue\"\npanel = \"no\"\n");
        assert!(config.session.bell, "the good setting is kept");
        assert_eq!(config.session.theme, ThemeName::Light);
        assert!(config.session.show_panel);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "line 3: theme must be \"light\" or \"dark\", not \"blue\"; light is used"
        );
        assert_eq!(
            problems[1].to_string(),
            "line 4: panel must be true or false, not \"no\"; true is used"
        );
    }

    #[test]
    fn a_file_that_is_not_toml_is_ignored_whole_and_says_where() {
        let text = "bell = true\ntheme = dark\n";
        let (config, problems) = parse(text);
        assert_eq!(config, Config::default(), "nothing half-read");
        let p = &problems[0];
        assert_eq!((p.line, p.column), (2, 9), "{p}");
        assert!(
            p.message.starts_with("not valid TOML") && p.message.contains("defaults used"),
            "{p}"
        );
    }

    #[test]
    fn an_unknown_setting_is_named_with_the_known_ones() {
        let p = one_problem("bel = true\n");
        assert_eq!(p.line, 1);
        assert!(
            p.message.contains("\"bel\"") && p.message.contains("known: template, sessions"),
            "{p}"
        );
    }

    #[test]
    fn the_default_file_changes_nothing_and_each_line_works_uncommented() {
        let keys = "[keys.board]\nadd = \"a\"\n";
        let file = default_file("/home/me/.local/share/convene/sessions", keys);
        assert_eq!(parse(&file), (Config::default(), vec![]));
        let uncommented: String = file
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| !l.starts_with(' ') && (l.contains(" = ") || l.starts_with("[keys.")))
            .map(|l| format!("{l}\n"))
            .collect();
        let (config, problems) = parse(&uncommented);
        assert_eq!(problems, [], "{uncommented}");
        assert_eq!(config.template.as_deref(), Some("action-planning"));
        assert_eq!(
            config.sessions.as_deref(),
            Some("/home/me/.local/share/convene/sessions")
        );
        assert_eq!(config.session, Settings::default());
        assert!(
            config
                .keys
                .iter()
                .any(|k| k.context == "board" && k.action == "add"),
            "{:?}",
            config.keys
        );
    }
}
