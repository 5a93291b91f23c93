//! The terminal side: the one place the app waits (for a key, the next second of the
//! countdown, or a report from the writer and watcher threads), draws, and carries out
//! effects. `mirror` is the room's screen's loop, of the same shape.

pub mod mirror;
mod terminal;

use crate::app::outside::Copy;
use crate::app::{Action, App, Effect};
use crate::domain::share::Joining;
use crate::share::{Bind, Incoming, Server};
use crate::storage::autosave::{Autosaver, SaveReport};
use crate::storage::presence;
use crate::storage::watch::{Fingerprints, Seen, Watch};
use crossterm::event::{Event as TermEvent, MouseButton, MouseEventKind};
use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;
use terminal::Screen;

/// What the app's own threads report to its loop.
enum Report {
    Saved(SaveReport),
    Exported(Result<Vec<std::path::PathBuf>, String>),
    /// What the folder watcher saw: a version of the file written outside, mirrors.
    Seen(Seen),
    /// What the room's phones did.
    Share(Incoming),
}

/// Everything the loop can wake up for.
type Event = terminal::Event<Report>;

/// Why a run ended badly. A final save that failed wins over a terminal error: it is
/// the one the facilitator must act on.
#[derive(Debug)]
pub enum RunError {
    NotSaved(crate::storage::StorageError),
    Terminal(io::Error),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::NotSaved(e) => write!(f, "NOT SAVED: {e}"),
            RunError::Terminal(e) => write!(f, "terminal error: {e}"),
        }
    }
}

/// Runs the app until the facilitator quits. The session is saved on the way out,
/// whether the loop ends normally, with an error or with a panic. `ours` knows the
/// version of the file on disk now: any other version found there was written outside
/// convene, and is never saved over without asking. Returns the copy ours went into
/// if the file was changed outside and not answered for. `bind`: where sharing
/// listens when it starts (`--bind`).
pub fn run(
    mut app: App,
    ours: Fingerprints,
    bind: Option<Bind>,
) -> Result<Option<PathBuf>, RunError> {
    let (tx, rx) = channel();
    terminal::spawn_sources(&tx).map_err(RunError::Terminal)?;
    let saved_tx = tx.clone();
    let mut saver = Autosaver::start(app.path.clone(), ours.clone(), move |report| {
        let _ = saved_tx.send(Event::Report(Report::Saved(report)));
    });
    let seen_tx = tx.clone();
    // Without a watch (no inotify left), saves still never overwrite a change made
    // outside: the autosaver checks the file before each one.
    let _watch = Watch::start(&app.path, None, ours.clone(), move |seen| {
        let _ = seen_tx.send(Event::Report(Report::Seen(seen)));
    })
    .map_err(|e| {
        app.warn(format!(
            "Changes made outside convene are not followed: {e}"
        ))
    });

    let mut screen = Screen::open().map_err(RunError::Terminal)?;
    let mut effects = Effects {
        tx: &tx,
        saver: &saver,
        ours: &ours,
        bind,
        server: None,
        told: None,
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut app, &mut screen, &rx, &mut effects)
    }));
    // Sharing stops with the app: the port closes before the last save, and mirrors
    // stop showing the join code.
    drop(effects.server.take());
    if effects.told.is_some() {
        let _ = presence::put_share(&app.path, None);
    }

    // Whatever happened, the last state goes to disk before we leave: with what an
    // open editor holds, unless the app itself panicked (its state is then suspect).
    if outcome.is_ok() {
        app.update(Action::ForceQuit);
    }
    saver.save(app.session.clone());
    let saved = saver.finish();
    screen.close();
    match outcome {
        Ok(result) => saved
            .map_err(RunError::NotSaved)
            .and_then(|copy| result.map(|()| copy).map_err(RunError::Terminal)),
        Err(panic) => resume_unwind(panic),
    }
}

/// What carries out the app's effects: the threads and the server they go to.
struct Effects<'a> {
    tx: &'a Sender<Event>,
    saver: &'a Autosaver,
    ours: &'a Fingerprints,
    bind: Option<Bind>,
    /// The server for the room's phones, while sharing.
    server: Option<Server>,
    /// What mirrors were last told of sharing.
    told: Option<Joining>,
}

fn event_loop(
    app: &mut App,
    screen: &mut Screen,
    rx: &Receiver<Event>,
    effects: &mut Effects,
) -> io::Result<()> {
    let size = screen.terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    // `--share` asked for sharing before the first key.
    effects.carry_out(app)?;
    let mut redraw = true;
    loop {
        if redraw {
            screen.draw(|frame| crate::ui::draw(frame, app))?;
        }
        // Sleep until an event, or until the countdown's display next changes.
        let first = match app.ms_to_next_change() {
            Some(ms) => rx.recv_timeout(Duration::from_millis(ms as u64 + 2)),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        redraw = match first {
            Ok(event) => handle(app, event, screen)?,
            Err(RecvTimeoutError::Timeout) => {
                app.tick();
                true
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        // Take everything already queued before drawing once (a paste, fast typing).
        while let Ok(event) = rx.try_recv() {
            redraw |= handle(app, event, screen)?;
        }
        if redraw {
            effects.publish(app);
        }
        effects.carry_out(app)?;
        if app.should_quit {
            return Ok(());
        }
    }
}

impl Effects<'_> {
    /// Effects first: a conflict copy is queued, and a version agreed to, before the
    /// save that may replace it; a phone hears back once its note is published.
    fn carry_out(&mut self, app: &mut App) -> io::Result<()> {
        for effect in app.take_effects() {
            match effect {
                Effect::Bell => {
                    let mut out = io::stdout();
                    out.write_all(b"\x07")?;
                    out.flush()?;
                }
                Effect::Export(session) => spawn_export(
                    *session,
                    app.path.clone(),
                    app.today(),
                    app.now(),
                    self.tx.clone(),
                ),
                Effect::Keep(Copy::Ours(session)) => {
                    self.saver.keep(crate::storage::to_json(&session));
                }
                Effect::Keep(Copy::Theirs(text)) => self.saver.keep(text),
                Effect::Accept(text) => self.ours.add(&text),
                Effect::StartSharing => self.start_sharing(app),
                Effect::StopSharing => drop(self.server.take()),
                Effect::Reply { ticket, result } => {
                    if let Some(server) = &self.server {
                        server.reply(ticket, result);
                    }
                }
            }
        }
        if let Some(session) = app.take_changed() {
            self.saver.save(session);
        }
        self.tell_mirrors(app);
        Ok(())
    }

    /// Leaves what the room's screen shows of sharing beside the session, when it
    /// changed (a few bytes, a few times a workshop).
    fn tell_mirrors(&mut self, app: &mut App) {
        let now = app.joining();
        if now != self.told {
            if let Err(e) = presence::put_share(&app.path, now.as_ref()) {
                app.warn(format!("Mirrors cannot show the join code: {e}"));
            }
            self.told = now;
        }
    }

    fn start_sharing(&mut self, app: &mut App) {
        let tx = self.tx.clone();
        let started = Server::start(self.bind, move |incoming| {
            let _ = tx.send(Event::Report(Report::Share(incoming)));
        });
        app.shared(
            started
                .as_ref()
                .map(|s| s.live.clone())
                .map_err(Clone::clone),
        );
        self.server = started.ok();
        self.publish(app);
    }

    /// What phones see, after every change the screen shows.
    fn publish(&self, app: &App) {
        if let (Some(server), Some(view)) = (&self.server, app.phone_view()) {
            server.publish(view);
        }
    }
}

/// Applies one event; returns whether the screen needs drawing.
fn handle(app: &mut App, event: Event, screen: &mut Screen) -> io::Result<bool> {
    match event {
        Event::Term(TermEvent::Key(key)) => return Ok(app.handle_key(key)),
        Event::Term(TermEvent::Paste(text)) => app.update(Action::Paste(text)),
        Event::Term(TermEvent::Mouse(mouse)) => {
            if mouse.kind != MouseEventKind::Down(MouseButton::Left) {
                return Ok(false);
            }
            app.update(Action::Click {
                column: mouse.column,
                row: mouse.row,
            });
        }
        Event::Term(TermEvent::Resize(width, height)) => {
            screen.terminal.autoresize()?;
            app.update(Action::Resize { width, height });
        }
        Event::Term(_) => return Ok(false),
        Event::Report(Report::Saved(report)) => return Ok(saved(app, report)),
        Event::Report(Report::Seen(Seen::Version { text, session })) => {
            app.outside_change(text, session.map(|s| *s).map_err(|e| e.reason));
        }
        Event::Report(Report::Seen(Seen::Mirrors(n))) => app.set_mirrors(n),
        // That is us.
        Event::Report(Report::Seen(Seen::Facilitator(_) | Seen::Share(_))) => return Ok(false),
        Event::Stop => app.update(Action::ForceQuit),
        Event::Report(Report::Exported(Ok(paths))) => {
            let folder = paths
                .first()
                .and_then(|p| p.parent())
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            app.say(format!("Exported {} files to {folder}", paths.len()));
        }
        Event::Report(Report::Exported(Err(e))) => app.warn(format!("Export failed: {e}")),
        Event::Report(Report::Share(Incoming::Action(action))) => app.update(Action::Room(action)),
        Event::Report(Report::Share(Incoming::People(n))) => app.set_people(n),
    }
    Ok(true)
}

/// Shows a failed save until one succeeds, and then says the change is on disk after
/// all; says where a conflict copy went. Returns whether the screen changed.
fn saved(app: &mut App, report: SaveReport) -> bool {
    match report {
        SaveReport::Saved(path) => {
            let recovered = app.save_error.take().is_some();
            if recovered {
                app.say(format!("Saved after all: {}", path.display()));
            }
            recovered
        }
        SaveReport::Failed(e) => {
            let error = Some(e.to_string());
            let changed = error != app.save_error;
            app.save_error = error;
            changed
        }
        SaveReport::NotOverwritten(Ok(copy)) => {
            app.warn(format!(
                "The file was changed outside convene: not overwritten; yours is in {}",
                copy.display()
            ));
            true
        }
        SaveReport::Kept(Ok(copy)) => {
            app.say(format!("The other version is kept in {}", copy.display()));
            true
        }
        SaveReport::NotOverwritten(Err(e)) | SaveReport::Kept(Err(e)) => {
            app.warn(format!("NOT KEPT: {e}"));
            true
        }
    }
}

/// Exports run on their own thread: writing five files never holds up a keystroke.
fn spawn_export(
    session: crate::domain::session::Session,
    path: std::path::PathBuf,
    today: chrono::NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
    tx: Sender<Event>,
) {
    std::thread::spawn(move || {
        let result =
            crate::export::write_all(&session, &path, today, now).map_err(|e| e.to_string());
        let _ = tx.send(Event::Report(Report::Exported(result)));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::Session;
    use crate::domain::template::Template;
    use crate::domain::timer::FakeClock;
    use crate::storage::StorageError;

    #[test]
    fn a_failed_save_shows_until_a_retry_writes_it_and_then_says_so() {
        let now = chrono::Utc::now();
        let session = Session::new(Template::default_template(), "T", now);
        let mut app = App::new(
            session,
            "s.json".into(),
            std::sync::Arc::new(FakeClock::new(now)),
        );
        let full = || {
            SaveReport::Failed(StorageError {
                path: "s.json".into(),
                reason: "No space left on device; trying again".into(),
            })
        };
        assert!(saved(&mut app, full()), "the failure is shown");
        assert!(app.save_error.as_deref().unwrap().contains("No space left"));
        assert!(
            !saved(&mut app, full()),
            "the same failure again changes nothing"
        );
        assert!(
            saved(&mut app, SaveReport::Saved("s.json".into())),
            "the success is shown"
        );
        assert_eq!(app.save_error, None);
        assert_eq!(app.status.as_ref().unwrap().text, "Saved after all: s.json");
        assert!(
            !saved(&mut app, SaveReport::Saved("s.json".into())),
            "later saves say nothing"
        );
    }
}
