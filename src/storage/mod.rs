//! Session files on disk: where they live, how they are named, written and read.

pub mod autosave;
pub mod config;
pub mod presence;
pub mod templates;
pub mod watch;
mod write;

pub use write::{backup_path, keep_copy, save, write_output};

use crate::domain::session::{SCHEMA_VERSION, Session};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a session file could not be used. It always names the file.
#[derive(Debug)]
pub struct StorageError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for StorageError {}

fn err(path: &Path, reason: impl Into<String>) -> StorageError {
    StorageError {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// The sessions folder: `--dir`, else `CONVENE_DIR` (clap reads both into `dir`),
/// else the platform data folder.
pub fn sessions_dir(dir: Option<&Path>) -> Result<PathBuf, StorageError> {
    if let Some(dir) = dir {
        return Ok(dir.to_path_buf());
    }
    directories::ProjectDirs::from("", "", "convene")
        .map(|d| d.data_dir().join("sessions"))
        .ok_or_else(|| {
            err(
                Path::new("~"),
                "no home folder to keep sessions in; use --dir",
            )
        })
}

/// A file name made from a title: letters, digits and dashes only, so no separator or
/// `..` can get through, and numbered when the name is taken.
pub fn unique_path(dir: &Path, title: &str) -> PathBuf {
    let stem = file_stem(title, "session");
    let mut path = dir.join(format!("{stem}.json"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.json"));
        n += 1;
    }
    path
}

/// A file name made from a title: lower case, words joined by '-', at most 60
/// characters (`fallback` when nothing is left).
pub fn file_stem(title: &str, fallback: &str) -> String {
    let mut stem = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_end_matches('-').chars().take(60).collect();
    if stem.is_empty() {
        fallback.to_string()
    } else {
        stem
    }
}

/// A path as given, or a name looked up in the sessions folder (with or without `.json`).
pub fn find_session(dir: &Path, name_or_path: &str) -> Result<PathBuf, StorageError> {
    let given = Path::new(name_or_path);
    if given.is_file() {
        return Ok(given.to_path_buf());
    }
    for candidate in [
        dir.join(name_or_path),
        dir.join(format!("{name_or_path}.json")),
    ] {
        if candidate.is_file() {
            return Ok(candidate);
        }
    }
    Err(err(
        given,
        format!(
            "no such session file, nor a session of that name in {}",
            dir.display()
        ),
    ))
}

pub fn load(path: &Path) -> Result<Session, StorageError> {
    load_text(path).map(|(session, _)| session)
}

/// The session and the text it was read from.
pub fn load_text(path: &Path) -> Result<(Session, String), StorageError> {
    let text = read_regular(path)?;
    Ok((parse(path, &text)?, text))
}

/// Reads a regular file only: a FIFO or a device named `*.json` is refused at once
/// instead of waiting forever for a writer (the open does not block).
fn read_regular(path: &Path) -> Result<String, StorageError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let mut file = options.open(path).map_err(|e| err(path, e.to_string()))?;
    let meta = file.metadata().map_err(|e| err(path, e.to_string()))?;
    if !meta.is_file() {
        return Err(err(path, "not a regular file"));
    }
    let mut text = String::new();
    file.read_to_string(&mut text)
        .map_err(|e| err(path, e.to_string()))?;
    Ok(text)
}

/// Checks the schema version before the shape, so a file from a newer convene says so
/// instead of listing fields this version has never heard of.
pub fn parse(path: &Path, text: &str) -> Result<Session, StorageError> {
    if let Some(session) = parse_clean(text) {
        return Ok(session);
    }
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| err(path, format!("not valid JSON: {e}")))?;
    // Text is cleaned as it is typed, and a file can be edited by hand.
    crate::domain::text::clean_json(&mut value);
    let version = value
        .get("schema_version")
        .ok_or_else(|| err(path, "not a convene session (no schema_version)"))?
        .as_u64()
        .ok_or_else(|| err(path, "schema_version is not a number"))?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(err(
            path,
            format!(
                "written by a newer convene (schema version {version}; this one reads up to {SCHEMA_VERSION})"
            ),
        ));
    }
    let mut session = crate::domain::migrate::session(value)
        .map_err(|e| err(path, format!("not a valid session: {e}")))?;
    if session.workshop.steps.is_empty() {
        return Err(err(path, "not a valid session: the agenda has no steps"));
    }
    session.normalize();
    Ok(session)
}

/// A file of schema 2 or 3 with nothing to clean read straight into a session: a
/// plan with years of review history opens in a few milliseconds. Anything else
/// (an old schema, text to clean, a file that does not read) goes the long way, which
/// also says what is wrong.
fn parse_clean(text: &str) -> Option<Session> {
    #[derive(serde::Deserialize)]
    struct Version {
        schema_version: u64,
    }
    let version = serde_json::from_str::<Version>(text).ok()?.schema_version;
    if !(2..=u64::from(SCHEMA_VERSION)).contains(&version)
        || crate::domain::text::json_needs_cleaning(text)
    {
        return None;
    }
    let mut session: Session = serde_json::from_str(text).ok()?;
    if session.workshop.steps.is_empty() {
        return None;
    }
    session.schema_version = SCHEMA_VERSION;
    session.normalize();
    Some(session)
}

pub fn to_json(session: &Session) -> String {
    let mut json = serde_json::to_string_pretty(session).expect("a session always serializes");
    json.push('\n');
    json
}

/// Held while a session is open, so a second convene cannot open the same file and
/// overwrite it from another terminal. The operating system releases it if we crash.
pub struct SessionLock {
    path: PathBuf,
    _file: std::fs::File,
}

pub fn lock(session: &Path) -> Result<SessionLock, StorageError> {
    let path = presence::lock_path(session);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| err(dir, e.to_string()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| err(&path, e.to_string()))?;
    match file.try_lock() {
        Ok(()) => {
            // Ours now: temporary files a killed convene left beside it are stale, and
            // so are the marks of mirrors that were killed.
            write::remove_stale_temporaries(session);
            presence::remove_dead_marks(session);
            // Our process id, for mirrors to see that the facilitator is here.
            use std::io::Write;
            file.set_len(0)
                .and_then(|()| write!(file, "{}", std::process::id()))
                .and_then(|()| file.flush())
                .map_err(|e| err(&path, e.to_string()))?;
            Ok(SessionLock { path, _file: file })
        }
        Err(std::fs::TryLockError::WouldBlock) => Err(err(
            session,
            "already open in another convene; close that one first",
        )),
        Err(std::fs::TryLockError::Error(e)) => Err(err(&path, e.to_string())),
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// One line of `convene list`.
pub struct Listed {
    pub path: PathBuf,
    pub summary: Result<Session, StorageError>,
}

/// Every `.json` file in the folder, newest first; unreadable ones are listed with why.
pub fn list(dir: &Path) -> Vec<Listed> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut listed: Vec<Listed> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|path| Listed {
            summary: load(&path),
            path,
        })
        .collect();
    listed.sort_by(|a, b| {
        let key = |l: &Listed| l.summary.as_ref().map(|s| s.saved_at).ok();
        key(b).cmp(&key(a)).then_with(|| a.path.cmp(&b.path))
    });
    listed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::Template;
    use chrono::Utc;

    fn session() -> Session {
        Session::new(Template::default_template(), "Budget 2027", Utc::now())
    }

    #[test]
    fn file_names_are_safe_and_unique() {
        let dir = tempfile::tempdir().unwrap();
        let p = unique_path(dir.path(), "../../etc/passwd");
        assert_eq!(p, dir.path().join("etc-passwd.json"));
        std::fs::write(&p, "{}").unwrap();
        assert_eq!(
            unique_path(dir.path(), "etc/passwd"),
            dir.path().join("etc-passwd-2.json")
        );
        assert_eq!(
            unique_path(dir.path(), "..."),
            dir.path().join("session.json")
        );
        assert_eq!(
            unique_path(dir.path(), "Café Plan 2027"),
            dir.path().join("café-plan-2027.json")
        );
    }

    #[test]
    fn save_and_load_round_trip_keeping_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let mut s = session();
        save(&path, &to_json(&s)).unwrap();
        assert!(!backup_path(&path).exists(), "nothing to back up yet");
        s.add_initiative("Open data", "publish the budget");
        save(&path, &to_json(&s)).unwrap();
        assert_eq!(load(&path).unwrap(), s);
        let backup = load(&backup_path(&path)).unwrap();
        assert!(
            backup.initiatives.is_empty(),
            "the backup is the previous version"
        );
    }

    #[test]
    fn a_failed_write_leaves_the_previous_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        save(&path, &to_json(&session())).unwrap();
        let before = std::fs::read(&path).unwrap();
        // A folder where the backup should go makes the save fail before any write.
        std::fs::create_dir(backup_path(&path)).unwrap();
        assert!(save(&path, "half a file").is_err());
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn corrupt_and_newer_files_are_rejected_with_path_and_reason() {
        let dir = tempfile::tempdir().unwrap();
        let corrupt = dir.path().join("corrupt.json");
        std::fs::write(&corrupt, "{\"schema_version\": 1, \"title\": ").unwrap();
        let e = load(&corrupt).unwrap_err();
        assert!(
            e.to_string().contains("corrupt.json") && e.reason.contains("not valid JSON"),
            "{e}"
        );

        let newer = dir.path().join("newer.json");
        let mut value = serde_json::to_value(session()).unwrap();
        value["schema_version"] = 99.into();
        std::fs::write(&newer, value.to_string()).unwrap();
        let e = load(&newer).unwrap_err();
        assert!(e.reason.contains("newer convene"), "{e}");

        let shape = dir.path().join("shape.json");
        std::fs::write(&shape, "{\"schema_version\": 1, \"title\": 3}").unwrap();
        assert!(
            load(&shape)
                .unwrap_err()
                .reason
                .contains("not a valid session")
        );
    }

    #[test]
    fn a_session_opens_in_one_convene_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let held = lock(&path).unwrap();
        let again = lock(&path).err().expect("a second lock is refused");
        assert!(again.reason.contains("already open"), "{again}");
        drop(held);
        assert!(lock(&path).is_ok(), "free again once the first is closed");
        assert_eq!(list(dir.path()).len(), 0, "lock files are not sessions");
    }

    #[test]
    fn names_are_looked_up_in_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("budget-2027.json");
        save(&path, &to_json(&session())).unwrap();
        assert_eq!(find_session(dir.path(), "budget-2027").unwrap(), path);
        assert!(find_session(dir.path(), "nope").is_err());
    }
}
