//! The mirror's loop, the same shape as the app's: one channel with the terminal's
//! keys and the folder watcher's reports; sleeps until one comes or the countdown's
//! next second; draws only when something changed. It never writes the session.

use super::terminal::{self, Screen};
use crate::mirror::Mirror;
use crate::storage::presence::MirrorMark;
use crate::storage::watch::{Fingerprints, Seen, Watch};
use crossterm::event::Event as TermEvent;
use std::io;
use std::path::Path;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

type Event = terminal::Event<Seen>;

/// Follows the session at `path`, whose text `text` the mirror was started on, until
/// the mirror is closed.
pub fn run(mut mirror: Mirror, path: &Path, text: &str) -> io::Result<()> {
    let (tx, rx) = channel();
    terminal::spawn_sources(&tx)?;
    let seen_tx = tx.clone();
    let _watch = Watch::start(path, Some(text), Fingerprints::default(), move |seen| {
        let _ = seen_tx.send(Event::Report(seen));
    })
    .map_err(|e| io::Error::other(e.to_string()))?;
    // Tells the facilitator's convene that the room's screen is here.
    let _mark = MirrorMark::put(path);

    let mut screen = Screen::open()?;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut redraw = true;
        loop {
            if redraw {
                let room = mirror.room();
                let notice = mirror.notice();
                let theme = crate::ui::theme::Theme::new(room.theme, mirror.colour);
                let joining = mirror.share.as_ref();
                screen.draw(|frame| {
                    crate::ui::room::draw(frame, &room, notice.as_deref(), joining, &theme)
                })?;
            }
            let first = match mirror.ms_to_next_change() {
                Some(ms) => rx.recv_timeout(Duration::from_millis(ms as u64 + 2)),
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            redraw = match first {
                Ok(event) => handle(&mut mirror, event, &mut screen)?,
                Err(RecvTimeoutError::Timeout) => true,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            };
            while let Ok(event) = rx.try_recv() {
                redraw |= handle(&mut mirror, event, &mut screen)?;
            }
            if mirror.should_quit {
                return Ok(());
            }
        }
    }));
    screen.close();
    match outcome {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Applies one event; returns whether the screen needs drawing.
fn handle(mirror: &mut Mirror, event: Event, screen: &mut Screen) -> io::Result<bool> {
    Ok(match event {
        Event::Term(TermEvent::Key(key)) => {
            mirror.key(key);
            false
        }
        Event::Term(TermEvent::Resize(..)) => {
            screen.terminal.autoresize()?;
            true
        }
        Event::Term(_) => false,
        Event::Report(seen) => mirror.seen(seen),
        Event::Stop => {
            mirror.should_quit = true;
            false
        }
    })
}
