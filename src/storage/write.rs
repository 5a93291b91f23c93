//! Writing files without ever leaving half of one: sessions are replaced atomically with
//! a whole backup beside them, and exports go wherever `-o` points without replacing a
//! device, a FIFO or a symbolic link by a regular file.

use super::{StorageError, err};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a path names once symbolic links are followed.
enum Target {
    /// A regular file, or nothing yet: replaced (or created) atomically at this real path.
    File(PathBuf),
    /// A character device or a FIFO: written straight, as a shell's `>` would.
    Stream,
}

/// Symbolic links followed by hand for a link whose target does not exist yet, as
/// the kernel would (it gives up after 40).
const MAX_LINKS: usize = 40;

fn target(path: &Path) -> Result<Target, StorageError> {
    match std::fs::metadata(path) {
        Ok(meta) => {
            let kind = meta.file_type();
            if kind.is_file() {
                let real = std::fs::canonicalize(path).map_err(|e| err(path, e.to_string()))?;
                Ok(Target::File(real))
            } else if kind.is_dir() {
                Err(err(path, "this is a folder; give a file name"))
            } else if is_stream(&kind) {
                Ok(Target::Stream)
            } else {
                Err(err(
                    path,
                    "not a file, a terminal, a FIFO or a device that takes text (a disk or a socket?); give a file name",
                ))
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let real = follow_dangling_links(path)?;
            let parent = real.parent().filter(|p| !p.as_os_str().is_empty());
            if let Some(parent) = parent
                && !parent.is_dir()
            {
                return Err(err(
                    path,
                    format!("the folder {} does not exist", parent.display()),
                ));
            }
            Ok(Target::File(real))
        }
        Err(e) => Err(err(path, e.to_string())),
    }
}

#[cfg(unix)]
fn is_stream(kind: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_char_device() || kind.is_fifo()
}

#[cfg(not(unix))]
fn is_stream(_: &std::fs::FileType) -> bool {
    false
}

/// The path a new file must be created at: a link to nothing yet is followed to where
/// it points, so the link stays a link.
fn follow_dangling_links(path: &Path) -> Result<PathBuf, StorageError> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = std::fs::read_link(&current).map_err(|e| err(path, e.to_string()))?;
                current = match current.parent() {
                    Some(parent) if to.is_relative() => parent.join(to),
                    _ => to,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(err(path, "too many levels of symbolic links"))
}

/// Writes an export wherever the user pointed: a regular file (or a link to one) is
/// replaced atomically, a terminal, a FIFO or `/dev/null` is written straight, and
/// anything else is refused with the reason.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    match target(path)? {
        Target::File(real) => write_atomic_at(&real, bytes).map_err(|e| err(path, e.reason)),
        Target::Stream => {
            let mut out = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| err(path, e.to_string()))?;
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| err(path, e.to_string()))
        }
    }
}

/// Writes atomically: a temporary file in the same folder, fsynced, renamed over the
/// target. The version it replaces is kept as `NAME.json.bak`, itself replaced
/// atomically, so at every instant both files are whole. A link is followed and its
/// target replaced; anything but a regular file is refused.
pub fn save(path: &Path, json: &str) -> Result<(), StorageError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| err(dir, e.to_string()))?;
    }
    let Target::File(real) = target(path)? else {
        return Err(err(
            path,
            "not a regular file; sessions are saved only to files",
        ));
    };
    // The backup is made once the new version is written out, just before it takes
    // the file's place: a write that fails (a full disk) leaves the backup as it was.
    let keep = || {
        if !real.exists() {
            return Ok(());
        }
        keep_backup(&real).map_err(|e| err(path, format!("cannot keep a backup: {}", e.reason)))
    };
    replace(&real, json.as_bytes(), keep).map_err(|e| err(path, e.reason))
}

/// Writes `text` beside the session as `NAME.conflict.json` (numbered when that is
/// taken, so no copy is ever replaced): the other side of a change made outside.
pub fn keep_copy(session: &Path, text: &str) -> Result<PathBuf, StorageError> {
    let stem = session.file_stem().unwrap_or_default().to_string_lossy();
    let copy = (1..)
        .map(|n| match n {
            1 => session.with_file_name(format!("{stem}.conflict.json")),
            n => session.with_file_name(format!("{stem}.conflict-{n}.json")),
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .expect("a free name");
    write_atomic_at(&copy, text.as_bytes())?;
    Ok(copy)
}

pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// The file about to be replaced becomes the backup by a second name (a hard link made
/// under a temporary name, then renamed over the old backup), so the backup is never
/// a half-copied file. Where hard links are not supported it is copied into its own
/// temporary file, renamed the same way.
fn keep_backup(real: &Path) -> Result<(), StorageError> {
    let backup = backup_path(real);
    let temporary = temporary_path(&backup);
    if std::fs::hard_link(real, &temporary).is_ok() {
        let renamed = std::fs::rename(&temporary, &backup);
        // A rename between two names of one file does nothing (the backup already was
        // this file): the temporary name must go all the same.
        let _ = std::fs::remove_file(&temporary);
        return renamed.map_err(|e| err(&backup, e.to_string()));
    }
    let old = std::fs::read(real).map_err(|e| err(real, e.to_string()))?;
    write_atomic_at(&backup, &old)
}

/// The atomic write alone, at a path known to be a regular file or nothing yet.
fn write_atomic_at(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    replace(path, bytes, || Ok(()))
}

/// Writes `bytes` to a temporary file beside `path`, runs `before_rename` once they
/// are all written, then renames the file over `path` (fsynced). If anything fails the
/// temporary file is removed and `path` is untouched.
fn replace(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> Result<(), StorageError>,
) -> Result<(), StorageError> {
    let mut file =
        atomic_write_file::AtomicWriteFile::open(path).map_err(|e| err(path, e.to_string()))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| err(path, e.to_string()))?;
    before_rename()?;
    file.commit().map_err(|e| err(path, e.to_string()))
}

/// `.NAME.XXXXXX` beside `path`: the shape atomic-write-file gives its temporary files,
/// so [`remove_stale_temporaries`] recognises both kinds.
fn temporary_path(path: &Path) -> PathBuf {
    use std::hash::{BuildHasher, Hasher};
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    let mut bits = hasher.finish();
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(".");
    let mut suffix = String::with_capacity(SUFFIX);
    for _ in 0..SUFFIX {
        suffix.push(char::from(
            ALPHABET[(bits % ALPHABET.len() as u64) as usize],
        ));
        bits /= ALPHABET.len() as u64;
    }
    name.push(suffix);
    path.with_file_name(name)
}

/// Length of the random part of a temporary file's name.
const SUFFIX: usize = 6;

/// Removes the temporary files a killed convene left beside this session
/// (`.NAME.json.XXXXXX` and `.NAME.json.bak.XXXXXX`). Call it only while holding the
/// session's lock: no other convene is then writing them. Returns how many went.
pub(super) fn remove_stale_temporaries(session: &Path) -> usize {
    let real = std::fs::canonicalize(session).unwrap_or_else(|_| session.to_path_buf());
    let Some(name) = real.file_name().and_then(|n| n.to_str()) else {
        return 0;
    };
    let dir = real
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let ours = |file: &str| {
        let Some(rest) = file
            .strip_prefix('.')
            .and_then(|f| f.strip_prefix(name))
            .and_then(|f| f.strip_prefix('.'))
        else {
            return false;
        };
        let suffix = rest.strip_prefix("bak.").unwrap_or(rest);
        suffix.len() == SUFFIX && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(ours))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A session-sized JSON file whose every version parses.
    fn version(n: usize) -> String {
        let notes: Vec<String> = (0..20_000)
            .map(|i| format!("note {i} of version {n}"))
            .collect();
        serde_json::json!({ "version": n, "notes": notes }).to_string()
    }

    #[test]
    fn the_backup_is_whole_at_every_instant() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        save(&path, &version(0)).unwrap();
        save(&path, &version(1)).unwrap();
        let backup = backup_path(&path);
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let watching = stop.clone();
        let watcher = std::thread::spawn(move || {
            let (mut reads, mut broken) = (0, 0);
            while !watching.load(std::sync::atomic::Ordering::Relaxed) {
                let bytes = std::fs::read(&backup).unwrap();
                reads += 1;
                if serde_json::from_slice::<serde_json::Value>(&bytes).is_err() {
                    broken += 1;
                }
            }
            (reads, broken)
        });
        for n in 2..40 {
            save(&path, &version(n)).unwrap();
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let (reads, broken) = watcher.join().unwrap();
        assert!(reads > 0);
        assert_eq!(
            broken, 0,
            "{broken} of {reads} reads found a partial backup"
        );
        let backup: serde_json::Value =
            serde_json::from_slice(&std::fs::read(backup_path(&path)).unwrap()).unwrap();
        assert_eq!(
            backup["version"], 38,
            "the backup is the version before the last"
        );
    }

    #[test]
    fn a_backup_kept_twice_of_the_same_version_leaves_no_temporary_name() {
        // What a failed save's retry does: the backup already is the current file.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        save(&path, "{\"v\": 1}").unwrap();
        keep_backup(&path).unwrap();
        keep_backup(&path).unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert_eq!(
            std::fs::read_to_string(backup_path(&path)).unwrap(),
            "{\"v\": 1}"
        );
    }

    #[test]
    fn stale_temporary_files_of_this_session_go_when_it_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        save(&path, "{}").unwrap();
        let stale = [".s.json.AbC123", ".s.json.bak.Xy9876"];
        let kept = [
            ".s.json.toolong1",
            ".other.json.AbC123",
            ".s.json.ab-123",
            "s.json.AbC123",
            "notes.txt",
        ];
        for name in stale.iter().chain(&kept) {
            std::fs::write(dir.path().join(name), "half a file").unwrap();
        }
        std::fs::create_dir(dir.path().join(".s.json.dir123")).unwrap();
        let lock = super::super::lock(&path).unwrap();
        for name in stale {
            assert!(!dir.path().join(name).exists(), "{name} is stale");
        }
        for name in kept.iter().chain(&[".s.json.dir123", "s.json"]) {
            assert!(
                dir.path().join(name).exists(),
                "{name} is not ours to remove"
            );
        }
        drop(lock);
    }

    #[cfg(unix)]
    #[test]
    fn a_session_behind_a_link_is_saved_into_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        let link = dir.path().join("s.json");
        save(&real, "{\"v\": 1}").unwrap();
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        save(&link, "{\"v\": 2}").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "{\"v\": 2}");
        assert_eq!(
            std::fs::read_to_string(backup_path(&real)).unwrap(),
            "{\"v\": 1}"
        );
    }
}
