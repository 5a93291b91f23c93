//! Who has a session open, read from files beside it without locking anything: the
//! facilitator's convene writes its process id into the session's lock file, and each
//! mirror leaves a mark `.NAME.mirror-PID` while it runs. A file whose process is gone
//! (killed, crashed) counts for nothing. While the facilitator shares the session with
//! phones, `.NAME.share` tells mirrors the join address, so the room's screen shows it.

use crate::domain::share::Joining;
use std::path::{Path, PathBuf};

/// `NAME.lock` beside the session: held by the facilitator's convene while it runs.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    session.with_file_name(name)
}

/// Whether a convene has the session open now: its lock file names a live process.
/// Read only: a mirror never takes or probes the lock.
pub fn facilitator(session: &Path) -> bool {
    std::fs::read_to_string(lock_path(session))
        .ok()
        .and_then(|text| text.trim().parse::<u32>().ok())
        .is_some_and(alive)
}

/// Whether a process of this id runs (or runs under another user: it exists).
#[cfg(unix)]
pub fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let found = unsafe { libc::kill(pid, 0) } == 0;
    found || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
pub fn alive(_: u32) -> bool {
    true
}

/// The mark a running mirror leaves beside the session; removed when dropped.
pub struct MirrorMark {
    path: PathBuf,
}

impl MirrorMark {
    pub fn put(session: &Path) -> std::io::Result<MirrorMark> {
        let path = mark_path(session, std::process::id());
        std::fs::write(&path, "")?;
        Ok(MirrorMark { path })
    }
}

impl Drop for MirrorMark {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn mark_prefix(session: &Path) -> String {
    let name = session.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.mirror-")
}

fn mark_path(session: &Path, pid: u32) -> PathBuf {
    session.with_file_name(format!("{}{pid}", mark_prefix(session)))
}

/// Whether a file name (in the session's folder) is a mirror's mark for this session.
pub fn is_mark(session: &Path, file: &str) -> bool {
    file.starts_with(&mark_prefix(session))
}

/// `.NAME.share` beside the session: what the room's screen shows of sharing.
pub fn share_path(session: &Path) -> PathBuf {
    let name = session.file_name().unwrap_or_default().to_string_lossy();
    session.with_file_name(format!(".{name}.share"))
}

/// Writes what mirrors show of sharing, or removes it (`None`: not sharing). Written
/// whole, then renamed, so a mirror never reads half of it.
pub fn put_share(session: &Path, joining: Option<&Joining>) -> std::io::Result<()> {
    let path = share_path(session);
    match joining {
        Some(j) => {
            let text = serde_json::to_string(j).map_err(std::io::Error::other)?;
            let tmp = path.with_extension("share-new");
            std::fs::write(&tmp, text)?;
            std::fs::rename(&tmp, &path)
        }
        None => match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        },
    }
}

/// What the room's screen shows of sharing: only while the facilitator runs (a file
/// left by a killed convene shows nothing).
pub fn share(session: &Path) -> Option<Joining> {
    if !facilitator(session) {
        return None;
    }
    let text = std::fs::read_to_string(share_path(session)).ok()?;
    serde_json::from_str(&text).ok()
}

/// The mirrors following the session now, as (mark, process id).
fn marks(session: &Path) -> Vec<(PathBuf, u32)> {
    let prefix = mark_prefix(session);
    let dir = session
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name();
            let pid = name.to_str()?.strip_prefix(&prefix)?.parse().ok()?;
            Some((e.path(), pid))
        })
        .collect()
}

/// How many mirrors follow the session now.
pub fn mirrors(session: &Path) -> usize {
    marks(session).iter().filter(|(_, pid)| alive(*pid)).count()
}

/// Removes the marks of mirrors that are gone (killed before they could).
pub fn remove_dead_marks(session: &Path) {
    for (path, pid) in marks(session) {
        if !alive(pid) {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A process id that is surely not running: past the kernel's largest.
    const DEAD: u32 = 4_194_304 + 7;

    #[test]
    fn the_facilitator_is_there_while_its_lock_names_a_live_process() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        assert!(!facilitator(&session), "no lock file");
        let lock = super::super::lock(&session).unwrap();
        assert!(facilitator(&session), "the lock holds our own id");
        drop(lock);
        assert!(!facilitator(&session), "released");
        std::fs::write(lock_path(&session), DEAD.to_string()).unwrap();
        assert!(!facilitator(&session), "a lock left by a killed convene");
    }

    #[test]
    fn the_join_address_is_read_while_the_facilitator_runs_and_gone_once_removed() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let joining = Joining {
            url: "http://192.168.1.20:7878/j/K4TQ7M".into(),
            code: "K4TQ7M".into(),
            people: 3,
            panel: true,
            notes_open: true,
            votes_open: false,
        };
        put_share(&session, Some(&joining)).unwrap();
        assert_eq!(share(&session), None, "nobody runs the session");
        let lock = super::super::lock(&session).unwrap();
        assert_eq!(share(&session), Some(joining));
        put_share(&session, None).unwrap();
        put_share(&session, None).unwrap();
        assert_eq!(share(&session), None);
        drop(lock);
    }

    #[test]
    fn mirrors_count_while_their_marks_name_live_processes() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let other = dir.path().join("other.json");
        assert_eq!(mirrors(&session), 0);
        let mark = MirrorMark::put(&session).unwrap();
        let _elsewhere = MirrorMark::put(&other).unwrap();
        assert_eq!(mirrors(&session), 1, "only this session's marks");
        std::fs::write(mark_path(&session, DEAD), "").unwrap();
        assert_eq!(mirrors(&session), 1, "a dead mirror does not count");
        remove_dead_marks(&session);
        assert!(!mark_path(&session, DEAD).exists());
        drop(mark);
        assert_eq!(mirrors(&session), 0);
        assert!(is_mark(&session, ".s.json.mirror-12"));
        assert!(!is_mark(&session, ".other.json.mirror-12"));
    }
}
