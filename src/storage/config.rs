//! The config file on disk: where it is, reading it, and the folders it names. What
//! the text means is `crate::config`'s job.

use crate::config::{self, Config, Problem};
use std::path::{Path, PathBuf};

/// The config file: `--config` or `CONVENE_CONFIG` (clap reads both into `given`),
/// else `config.toml` in the platform config folder (`~/.config/convene` on Linux).
pub fn config_path(given: Option<&Path>) -> Option<PathBuf> {
    given.map(Path::to_path_buf).or_else(|| {
        directories::ProjectDirs::from("", "", "convene")
            .map(|d| d.config_dir().join("config.toml"))
    })
}

/// The user's templates folder, beside the config file.
pub fn templates_dir(config_file: &Path) -> PathBuf {
    config_file.with_file_name("templates")
}

/// The config as read, with what was wrong in it.
pub struct Loaded {
    pub path: Option<PathBuf>,
    /// The file exists and was read.
    pub found: bool,
    pub config: Config,
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// Each problem as one line that names the file.
    pub fn messages(&self) -> Vec<String> {
        let path = self
            .path
            .as_deref()
            .map_or("config".to_string(), |p| p.display().to_string());
        self.problems
            .iter()
            .map(|p| format!("{path}: {p}"))
            .collect()
    }
}

/// Reads the config. A missing file at the platform's place is the defaults; one named
/// with `--config` or `CONVENE_CONFIG` that cannot be read is a problem, since the user
/// meant it. Never fails: whatever is wrong is in `problems`, and the defaults stand.
pub fn load(given: Option<&Path>) -> Loaded {
    let path = config_path(given);
    let mut loaded = Loaded {
        path: path.clone(),
        found: false,
        config: Config::default(),
        problems: Vec::new(),
    };
    let Some(path) = path else {
        return loaded;
    };
    let whole_file = |message: String| Problem {
        line: 0,
        column: 0,
        message: format!("{message}; the defaults are used"),
    };
    if path.is_dir() {
        loaded
            .problems
            .push(whole_file("a folder, not a config file".into()));
        return loaded;
    }
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            loaded.found = true;
            (loaded.config, loaded.problems) = config::parse(&text);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if given.is_some() {
                loaded.problems.push(whole_file("no such file".into()));
            }
        }
        Err(e) => loaded.problems.push(whole_file(e.to_string())),
    }
    loaded
}

/// The sessions folder the config names: `~/` is the home folder, and a relative
/// path starts beside the config file.
pub fn resolve_sessions(written: &str, config_file: &Path) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    let under_home = match written {
        "~" => Some(""),
        _ => written.strip_prefix("~/"),
    };
    if let Some(rest) = under_home
        && let Some(home) = home()
    {
        return home.join(rest);
    }
    let path = Path::new(written);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        config_file.parent().unwrap_or(Path::new(".")).join(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_is_read_and_its_problems_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "bell = true\ntheme = \"blue\"\n").unwrap();
        let loaded = load(Some(&path));
        assert!(loaded.found && loaded.config.session.bell);
        let messages = loaded.messages();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with(&format!("{}: line 2: theme", path.display())),
            "{messages:?}"
        );
    }

    #[test]
    fn a_named_file_that_is_missing_is_a_problem_but_still_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = load(Some(&dir.path().join("typo.toml")));
        assert!(!loaded.found);
        assert_eq!(loaded.config, Config::default());
        assert!(
            loaded.messages()[0].contains("typo.toml"),
            "{:?}",
            loaded.messages()
        );
        let folder = load(Some(dir.path()));
        assert!(
            folder.messages()[0].contains("a folder"),
            "{:?}",
            folder.messages()
        );
    }

    #[test]
    fn the_sessions_folder_starts_beside_the_config_or_at_home() {
        let config = Path::new("/etc/convene/config.toml");
        assert_eq!(
            resolve_sessions("workshops", config),
            Path::new("/etc/convene/workshops")
        );
        assert_eq!(resolve_sessions("/srv/s", config), Path::new("/srv/s"));
        let home = directories::BaseDirs::new()
            .unwrap()
            .home_dir()
            .to_path_buf();
        assert_eq!(resolve_sessions("~/w", config), home.join("w"));
        assert_eq!(templates_dir(config), Path::new("/etc/convene/templates"));
    }
}
