//! The terminal side: the one place the app waits (for a key, the next second of the
//! countdown, or a report from the writer threads), draws, and carries out effects.

use crate::app::{Action, App, Effect};
use crate::storage::autosave::{Autosaver, SaveReport};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event as TermEvent, MouseButton, MouseEventKind,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{execute, queue};
use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// Everything the loop can wake up for.
enum Event {
    Term(TermEvent),
    Saved(SaveReport),
    Exported(Result<Vec<std::path::PathBuf>, String>),
    /// A hang-up, terminate or interrupt signal, or the terminal gone: leave as `q`
    /// would, saving first.
    Stop,
}

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
/// whether the loop ends normally, with an error or with a panic.
pub fn run(mut app: App) -> Result<(), RunError> {
    let (tx, rx) = channel();
    spawn_signals(tx.clone()).map_err(RunError::Terminal)?;
    spawn_hangup_watch(tx.clone());
    spawn_input(tx.clone());
    let saved_tx = tx.clone();
    let mut saver = Autosaver::start(app.path.clone(), move |report| {
        let _ = saved_tx.send(Event::Saved(report));
    });

    let previous_hook = std::sync::Arc::new(std::panic::take_hook());
    let hook = previous_hook.clone();
    std::panic::set_hook(Box::new(move |info| {
        leave_terminal();
        hook(info);
    }));
    let mut terminal = enter_terminal().map_err(RunError::Terminal)?;

    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut app, &mut terminal, &rx, &tx, &saver)
    }));

    // Whatever happened, the last state goes to disk before we leave: with what an
    // open editor holds, unless the app itself panicked (its state is then suspect).
    if outcome.is_ok() {
        app.update(Action::ForceQuit);
    }
    saver.save(app.session.clone());
    let saved = saver.finish();
    leave_terminal();
    if terminal.show_cursor().is_err() {
        // The terminal is gone: ratatui's drop would retry and print the failure on a
        // closed standard error, which panics.
        std::mem::forget(terminal);
    }
    std::panic::set_hook(Box::new(move |info| previous_hook(info)));
    match outcome {
        Ok(result) => saved
            .map_err(RunError::NotSaved)
            .and(result.map_err(RunError::Terminal)),
        Err(panic) => resume_unwind(panic),
    }
}

/// Raw mode, the alternate screen, and mouse and paste reports.
fn enter_terminal() -> io::Result<ratatui::DefaultTerminal> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
}

/// Puts the terminal back as far as it can. Each step is tried even if one before it
/// failed, and failures are ignored: a terminal that is gone cannot be told anything,
/// and printing why would fail too (ratatui's own restore prints, and so panics).
fn leave_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen);
}

/// Read errors in a row after which the terminal counts as gone.
const READ_FAILURES: u32 = 3;

fn spawn_input(tx: Sender<Event>) {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            let mut failures = 0;
            loop {
                let event = match crossterm::event::read() {
                    Ok(event) => {
                        failures = 0;
                        Event::Term(event)
                    }
                    Err(_) if failures + 1 < READ_FAILURES => {
                        failures += 1;
                        // A pause, so a lasting error cannot spin.
                        std::thread::sleep(Duration::from_millis(50));
                        continue;
                    }
                    Err(_) => Event::Stop,
                };
                let stop = matches!(event, Event::Stop);
                if tx.send(event).is_err() || stop {
                    break;
                }
            }
        })
        .expect("spawn the input thread");
}

/// Hang-up (the terminal window closed), terminate and interrupt signals reach the
/// loop as events, so convene saves, releases its lock and restores the terminal
/// instead of dying on the spot.
fn spawn_signals(tx: Sender<Event>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for _ in signals.forever() {
                if tx.send(Event::Stop).is_err() {
                    break;
                }
            }
        })?;
    Ok(())
}

/// A terminal can vanish without a hang-up signal. crossterm then spins on a read
/// that returns nothing, and never reports it; poll() with no events asked for still
/// reports the hang-up, and waits without using the CPU until there is one.
#[cfg(unix)]
fn spawn_hangup_watch(tx: Sender<Event>) {
    let _ = std::thread::Builder::new()
        .name("hangup".into())
        .spawn(move || {
            let mut terminal = libc::pollfd {
                fd: libc::STDIN_FILENO,
                events: 0,
                revents: 0,
            };
            loop {
                // SAFETY: one valid pollfd, and its count.
                let ready = unsafe { libc::poll(&mut terminal, 1, -1) };
                let gone = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
                let retry = if ready < 0 {
                    io::Error::last_os_error().kind() == io::ErrorKind::Interrupted
                } else {
                    terminal.revents & gone == 0
                };
                if !retry {
                    let _ = tx.send(Event::Stop);
                    return;
                }
            }
        });
}

#[cfg(not(unix))]
fn spawn_hangup_watch(_: Sender<Event>) {}

fn event_loop(
    app: &mut App,
    terminal: &mut ratatui::DefaultTerminal,
    rx: &Receiver<Event>,
    tx: &Sender<Event>,
    saver: &Autosaver,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut redraw = true;
    loop {
        if redraw {
            draw(terminal, app)?;
        }
        // Sleep until an event, or until the countdown's display next changes.
        let first = match app.ms_to_next_change() {
            Some(ms) => rx.recv_timeout(Duration::from_millis(ms as u64 + 2)),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        redraw = match first {
            Ok(event) => handle(app, event, terminal)?,
            Err(RecvTimeoutError::Timeout) => {
                app.tick();
                true
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        // Take everything already queued before drawing once (a paste, fast typing).
        while let Ok(event) = rx.try_recv() {
            redraw |= handle(app, event, terminal)?;
        }
        if let Some(session) = app.take_changed() {
            saver.save(session);
        }
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
                    tx.clone(),
                ),
            }
        }
        if app.should_quit {
            return Ok(());
        }
    }
}

/// Draws one frame inside a synchronized update, so the terminal shows it whole: a
/// projector never shows half of one.
fn draw(terminal: &mut ratatui::DefaultTerminal, app: &App) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let drawn = terminal.draw(|frame| crate::ui::draw(frame, app)).map(drop);
    // Ended even when drawing failed, or the terminal would hold back its screen.
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    drawn
}

/// Applies one event; returns whether the screen needs drawing.
fn handle(
    app: &mut App,
    event: Event,
    terminal: &mut ratatui::DefaultTerminal,
) -> io::Result<bool> {
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
            terminal.autoresize()?;
            app.update(Action::Resize { width, height });
        }
        Event::Term(_) => return Ok(false),
        Event::Saved(report) => return Ok(saved(app, report)),
        Event::Stop => app.update(Action::ForceQuit),
        Event::Exported(Ok(paths)) => {
            let folder = paths
                .first()
                .and_then(|p| p.parent())
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            app.say(format!("Exported {} files to {folder}", paths.len()));
        }
        Event::Exported(Err(e)) => app.warn(format!("Export failed: {e}")),
    }
    Ok(true)
}

/// Shows a failed save until one succeeds, and then says the change is on disk after
/// all. Returns whether the screen changed.
fn saved(app: &mut App, report: SaveReport) -> bool {
    match report {
        Ok(path) => {
            let recovered = app.save_error.take().is_some();
            if recovered {
                app.say(format!("Saved after all: {}", path.display()));
            }
            recovered
        }
        Err(e) => {
            let error = Some(e.to_string());
            let changed = error != app.save_error;
            app.save_error = error;
            changed
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
        let _ = tx.send(Event::Exported(result));
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
            Err(StorageError {
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
        assert!(saved(&mut app, Ok("s.json".into())), "the success is shown");
        assert_eq!(app.save_error, None);
        assert_eq!(app.status.as_ref().unwrap().text, "Saved after all: s.json");
        assert!(
            !saved(&mut app, Ok("s.json".into())),
            "later saves say nothing"
        );
    }
}
