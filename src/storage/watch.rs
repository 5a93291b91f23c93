//! Following a session file: a thread watches the session's folder and reports each new
//! version of the file, whole, and who has the session open. The folder, not the file:
//! a save renames a new file over the old one, which a watch on the file would lose.
//!
//! A version is read and parsed as soon as the folder says the file changed; one that
//! does not parse (a program writing the file in place, seen halfway) is read again a
//! few times before it is reported as unreadable, so a half-written file is never
//! taken for the session.

use super::{StorageError, parse, presence, read_regular};
use crate::domain::session::Session;
use notify::Watcher;
use std::collections::VecDeque;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How often who is there is checked again without an event: a process killed with
/// SIGKILL leaves its files behind and says nothing.
const PRESENCE_EVERY: Duration = Duration::from_secs(1);
/// Reads of a version that does not parse before it is reported as unreadable.
const READS: u32 = 8;
const READ_PAUSE: Duration = Duration::from_millis(25);

/// The versions of a session file this convene wrote or agreed to: any other is a
/// change from outside. Shared by the autosaver, the watcher and the app's loop.
#[derive(Debug, Clone, Default)]
pub struct Fingerprints(Arc<Mutex<VecDeque<u64>>>);

/// Versions remembered: a save in flight is never more than a few behind.
const REMEMBERED: usize = 16;

impl Fingerprints {
    pub fn of(text: &str) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        hasher.finish()
    }

    pub fn add(&self, text: &str) {
        let mut known = self.0.lock().unwrap_or_else(|e| e.into_inner());
        known.push_back(Fingerprints::of(text));
        if known.len() > REMEMBERED {
            known.pop_front();
        }
    }

    pub fn knows(&self, text: &str) -> bool {
        let known = self.0.lock().unwrap_or_else(|e| e.into_inner());
        known.contains(&Fingerprints::of(text))
    }
}

/// What the watcher reports.
#[derive(Debug)]
pub enum Seen {
    /// A version of the file that is not one of ours: its text, and the session it
    /// holds or why it cannot be read.
    Version {
        text: String,
        session: Result<Box<Session>, StorageError>,
    },
    /// Whether a convene has the session open.
    Facilitator(bool),
    /// How many mirrors follow it.
    Mirrors(usize),
}

/// Stops watching when dropped.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Touched {
    File,
    Presence,
}

impl Watch {
    /// Watches `session`'s folder. `seen`: the file's text as last read, so that version
    /// is not reported again; versions `ours` knows are never reported. Who is there is
    /// reported at once, and then whenever it changes.
    pub fn start(
        session: &Path,
        seen: Option<&str>,
        ours: Fingerprints,
        report: impl Fn(Seen) + Send + 'static,
    ) -> Result<Watch, StorageError> {
        let session = session.to_path_buf();
        let (tx, rx) = channel();
        let classify = {
            let session = session.clone();
            let name = session.file_name().unwrap_or_default().to_os_string();
            let lock = presence::lock_path(&session);
            let lock = lock.file_name().unwrap_or_default().to_os_string();
            move |path: &Path| {
                let file = path.file_name()?;
                if file == name {
                    Some(Touched::File)
                } else if file == lock || presence::is_mark(&session, &file.to_string_lossy()) {
                    Some(Touched::Presence)
                } else {
                    None
                }
            }
        };
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else { return };
                if !changes(&event.kind) {
                    return;
                }
                for touched in event.paths.iter().filter_map(|p| classify(p)) {
                    let _ = tx.send(touched);
                }
            })
            .map_err(|e| super::err(&session, format!("cannot watch its folder: {e}")))?;
        for dir in folders(&session) {
            watcher
                .watch(&dir, notify::RecursiveMode::NonRecursive)
                .map_err(|e| super::err(&dir, format!("cannot watch this folder: {e}")))?;
        }
        let last = seen.map(Fingerprints::of);
        std::thread::Builder::new()
            .name("watch".into())
            .spawn(move || follow(&session, rx, last, &ours, &report))
            .map_err(|e| StorageError {
                path: PathBuf::new(),
                reason: e.to_string(),
            })?;
        Ok(Watch { _watcher: watcher })
    }
}

/// Whether an event says a file changed. Reading one is an event too (inotify's
/// open and close-after-read): following those, the watcher's own reads of the lock
/// woke it again at once, and it spun at 60-90 % of a core while a session was open.
/// A file closed after writing is a change (an editor's last write).
fn changes(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    match kind {
        notify::EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        notify::EventKind::Access(_) => false,
        _ => true,
    }
}

/// The session's folder, and the folder of the file it links to if that is another.
fn folders(session: &Path) -> Vec<PathBuf> {
    let folder = |p: &Path| match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut dirs = vec![folder(session)];
    if let Ok(real) = std::fs::canonicalize(session) {
        let real = folder(&real);
        if std::fs::canonicalize(&dirs[0]).ok().as_ref() != Some(&real) {
            dirs.push(real);
        }
    }
    dirs
}

/// The watcher's thread: ends when the watch is dropped.
fn follow(
    session: &Path,
    rx: Receiver<Touched>,
    mut last: Option<u64>,
    ours: &Fingerprints,
    report: &impl Fn(Seen),
) {
    let mut facilitator = None;
    let mut mirrors = None;
    let mut touched = vec![Touched::Presence];
    loop {
        if touched.contains(&Touched::File) {
            // The version seen before this change, or one written by us, is not even
            // parsed.
            let before = last;
            let known = |text: &str| {
                let fingerprint = Some(Fingerprints::of(text));
                last = fingerprint;
                fingerprint == before || ours.knows(text)
            };
            if let Some((text, parsed)) = read_settled(session, known) {
                report(Seen::Version {
                    text,
                    session: parsed.map(Box::new),
                });
            }
        }
        if touched.contains(&Touched::Presence) {
            let now = presence::facilitator(session);
            if facilitator != Some(now) {
                facilitator = Some(now);
                report(Seen::Facilitator(now));
            }
            let now = presence::mirrors(session);
            if mirrors != Some(now) {
                mirrors = Some(now);
                report(Seen::Mirrors(now));
            }
        }
        touched = match rx.recv_timeout(PRESENCE_EVERY) {
            Ok(first) => std::iter::once(first).chain(rx.try_iter()).collect(),
            Err(RecvTimeoutError::Timeout) => vec![Touched::Presence],
            Err(RecvTimeoutError::Disconnected) => return,
        };
    }
}

/// The file's text and what it holds, read again while it does not parse; `None` when
/// there is no file to read (removed) or the text read is `known`.
fn read_settled(
    path: &Path,
    mut known: impl FnMut(&str) -> bool,
) -> Option<(String, Result<Session, StorageError>)> {
    let mut reads = 0;
    loop {
        reads += 1;
        let text = read_regular(path).ok()?;
        if known(&text) {
            return None;
        }
        match parse(path, &text) {
            Ok(session) => return Some((text, Ok(session))),
            Err(e) if reads >= READS => return Some((text, Err(e))),
            Err(_) => std::thread::sleep(READ_PAUSE),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::Template;
    use crate::storage::{save, to_json};
    use notify::EventKind;
    use std::sync::mpsc::Receiver;

    const DEADLINE: Duration = Duration::from_secs(20);

    fn session(title: &str) -> Session {
        let now = chrono::Utc::now();
        Session::new(Template::default_template(), title, now)
    }

    fn watch(path: &Path, seen: Option<&str>, ours: Fingerprints) -> (Watch, Receiver<Seen>) {
        let (tx, rx) = channel();
        let watch = Watch::start(path, seen, ours, move |s| {
            let _ = tx.send(s);
        })
        .unwrap();
        (watch, rx)
    }

    /// The next version reported, skipping reports of who is there.
    fn next_version(rx: &Receiver<Seen>) -> (String, Result<Box<Session>, StorageError>) {
        loop {
            match rx
                .recv_timeout(DEADLINE)
                .expect("a version within the deadline")
            {
                Seen::Version { text, session } => return (text, session),
                _ => continue,
            }
        }
    }

    #[test]
    fn quick_atomic_saves_are_read_whole_and_the_last_one_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let first = to_json(&session("version 0"));
        save(&path, &first).unwrap();
        let (_watch, rx) = watch(&path, Some(&first), Fingerprints::default());
        let mut s = session("version 0");
        // Big enough that a read can overlap a write.
        for i in 0..500 {
            s.add_initiative(&format!("initiative {i}"), "a description to make it long");
        }
        for n in 1..=60 {
            s.title = format!("version {n}");
            save(&path, &to_json(&s)).unwrap();
        }
        let mut titles = Vec::new();
        while titles.last().map(String::as_str) != Some("version 60") {
            let (text, parsed) = next_version(&rx);
            let parsed = parsed.unwrap_or_else(|e| panic!("a half or failed read: {e}"));
            assert_eq!(
                text,
                to_json(&parsed),
                "the text read is the session reported"
            );
            titles.push(parsed.title);
        }
        let numbers: Vec<u32> = titles
            .iter()
            .map(|t| t.trim_start_matches("version ").parse().unwrap())
            .collect();
        assert!(
            numbers.windows(2).all(|w| w[0] < w[1]),
            "in order: {numbers:?}"
        );
    }

    #[test]
    fn our_own_versions_are_not_reported_and_a_file_written_in_place_is_read_once_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let ours = Fingerprints::default();
        let mine = to_json(&session("mine"));
        ours.add(&mine);
        save(&path, &mine).unwrap();
        let (_watch, rx) = watch(&path, Some(&mine), ours.clone());
        let again = to_json(&session("mine, saved again"));
        ours.add(&again);
        save(&path, &again).unwrap();
        // An editor writing in place, in two halves with a pause between them.
        let theirs = to_json(&session("theirs"));
        let (head, tail) = theirs.split_at(theirs.len() / 2);
        std::fs::write(&path, head).unwrap();
        std::thread::sleep(Duration::from_millis(30));
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        std::io::Write::write_all(&mut file, tail.as_bytes()).unwrap();
        drop(file);
        let (text, parsed) = next_version(&rx);
        assert_eq!(parsed.unwrap().title, "theirs");
        assert_eq!(text, theirs);
    }

    #[test]
    fn reading_a_file_is_not_a_change_to_follow() {
        use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};
        assert!(!changes(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!changes(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(changes(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(changes(&EventKind::Create(CreateKind::File)));
        assert!(changes(&EventKind::Modify(ModifyKind::Any)));
        assert!(changes(&EventKind::Remove(notify::event::RemoveKind::File)));
    }

    #[test]
    fn a_file_that_stays_broken_is_reported_with_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let (_watch, rx) = watch(&path, None, Fingerprints::default());
        std::fs::write(&path, "{\"schema_version\": 1, \"title\": ").unwrap();
        let (text, parsed) = next_version(&rx);
        assert!(text.starts_with("{\"schema_version\""));
        assert!(parsed.unwrap_err().reason.contains("not valid JSON"));
    }

    #[test]
    fn who_is_there_is_reported_as_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let (_watch, rx) = watch(&path, None, Fingerprints::default());
        let next = || loop {
            match rx
                .recv_timeout(DEADLINE)
                .expect("a report within the deadline")
            {
                Seen::Version { .. } => continue,
                other => return format!("{other:?}"),
            }
        };
        let start = [next(), next()];
        assert!(
            start.contains(&"Facilitator(false)".to_string()),
            "{start:?}"
        );
        assert!(start.contains(&"Mirrors(0)".to_string()), "{start:?}");
        let lock = crate::storage::lock(&path).unwrap();
        assert_eq!(next(), "Facilitator(true)");
        let mark = presence::MirrorMark::put(&path).unwrap();
        assert_eq!(next(), "Mirrors(1)");
        drop(mark);
        assert_eq!(next(), "Mirrors(0)");
        drop(lock);
        assert_eq!(next(), "Facilitator(false)");
    }
}
