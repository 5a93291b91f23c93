//! `convene mirror`: the room's screen in a second terminal, following a session that
//! a facilitator runs in another. What it knows and how what it sees changes it; it
//! never writes anything.

use crate::app::Keymap;
use crate::app::keys::{Context, Key};
use crate::domain::room::RoomView;
use crate::domain::session::Session;
use crate::domain::share::Joining;
use crate::domain::timer::Clock;
use crate::storage::watch::Seen;
use crossterm::event::{KeyEvent, KeyEventKind};
use std::sync::Arc;

pub struct Mirror {
    /// The last version of the session that could be read: what the room sees.
    pub session: Session,
    /// Whether a convene has the session open.
    pub facilitator: bool,
    /// Why the file's newest version cannot be read (the one before stays on screen).
    pub unreadable: Option<String>,
    pub keymap: Keymap,
    /// Use colour at all (`NO_COLOR` turns it off).
    pub colour: bool,
    pub should_quit: bool,
    /// What the facilitator shares with phones: the room's screen shows the join code.
    pub share: Option<Joining>,
    clock: Arc<dyn Clock>,
}

impl Mirror {
    pub fn new(session: Session, clock: Arc<dyn Clock>) -> Mirror {
        Mirror {
            session,
            facilitator: false,
            unreadable: None,
            keymap: Keymap::default(),
            colour: true,
            should_quit: false,
            share: None,
            clock,
        }
    }

    /// What the room sees now.
    pub fn room(&self) -> RoomView {
        RoomView::of(&self.session, self.clock.now())
    }

    /// What the folder watcher saw; returns whether the screen changes.
    pub fn seen(&mut self, seen: Seen) -> bool {
        match seen {
            Seen::Version {
                session: Ok(session),
                ..
            } => {
                self.session = *session;
                self.unreadable = None;
            }
            // No path: the room's screen shows none.
            Seen::Version {
                session: Err(e), ..
            } => self.unreadable = Some(e.reason),
            Seen::Facilitator(here) => self.facilitator = here,
            Seen::Share(joining) => self.share = joining,
            Seen::Mirrors(_) => return false,
        }
        true
    }

    /// A key: only closing the mirror does anything.
    pub fn key(&mut self, event: KeyEvent) {
        if event.kind == KeyEventKind::Release {
            return;
        }
        let key = Key::from(event);
        if self.keymap.is_force_quit(key) || self.keymap.action(Context::Mirror, key).is_some() {
            self.should_quit = true;
        }
    }

    /// A line under the room's screen when something is amiss, else `None`.
    pub fn notice(&self) -> Option<String> {
        match (&self.unreadable, self.facilitator) {
            (Some(why), _) => Some(format!(
                "The session file cannot be read now ({why}): showing the last version read"
            )),
            (None, false) => {
                Some("Waiting for the facilitator: nobody has this session open".into())
            }
            (None, true) => None,
        }
    }

    /// Milliseconds until the countdown shown next changes, if it runs.
    pub fn ms_to_next_change(&self) -> Option<i64> {
        let countdown = self.session.countdown(self.clock.now());
        countdown.running.then(|| countdown.ms_to_next_change())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::Template;
    use crate::domain::timer::FakeClock;
    use crate::storage::StorageError;
    use chrono::TimeZone;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn mirror() -> Mirror {
        let now = chrono::Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let session = Session::new(Template::default_template(), "Budget 2027", now);
        Mirror::new(session, Arc::new(FakeClock::new(now)))
    }

    #[test]
    fn a_version_that_cannot_be_read_leaves_the_last_one_on_screen() {
        let mut m = mirror();
        m.facilitator = true;
        let mut next = m.session.clone();
        next.timing.current = 2;
        m.seen(Seen::Version {
            text: String::new(),
            session: Ok(Box::new(next)),
        });
        assert_eq!(m.room().step.number, 3);
        assert_eq!(m.notice(), None);
        m.seen(Seen::Version {
            text: "{".into(),
            session: Err(StorageError {
                path: "/secret/s.json".into(),
                reason: "not valid JSON".into(),
            }),
        });
        assert_eq!(m.room().step.number, 3, "the last good version stays");
        let notice = m.notice().unwrap();
        assert!(
            notice.contains("not valid JSON") && !notice.contains("secret"),
            "{notice}"
        );
    }

    #[test]
    fn it_waits_for_the_facilitator_and_closes_on_its_key() {
        let mut m = mirror();
        assert!(m.notice().unwrap().contains("Waiting for the facilitator"));
        m.seen(Seen::Facilitator(true));
        assert_eq!(m.notice(), None);
        m.key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE));
        assert!(!m.should_quit, "the facilitator's keys do nothing here");
        m.key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
        assert!(m.should_quit);
    }
}
