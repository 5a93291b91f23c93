//! What every full-screen loop shares (the app's and the mirror's): raw mode and the
//! alternate screen, put back whatever happens; keys, signals and a vanished terminal
//! turned into events on the loop's channel; frames drawn whole.

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event as TermEvent,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{execute, queue};
use std::io;
use std::panic::PanicHookInfo;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::Duration;

/// What a loop wakes up for: the terminal's side, or a report of its own threads.
pub enum Event<T> {
    Term(TermEvent),
    /// A hang-up, terminate or interrupt signal, or the terminal gone: leave as `q`
    /// would.
    Stop,
    Report(T),
}

type Hook = Arc<Box<dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static>>;

/// The terminal in raw mode on the alternate screen, until [`Screen::close`].
pub struct Screen {
    pub terminal: ratatui::DefaultTerminal,
    previous_hook: Hook,
}

impl Screen {
    /// Raw mode, the alternate screen, and mouse and paste reports; a panic puts the
    /// terminal back before it is reported.
    pub fn open() -> io::Result<Screen> {
        let previous_hook: Hook = Arc::new(std::panic::take_hook());
        let hook = previous_hook.clone();
        std::panic::set_hook(Box::new(move |info| {
            leave_terminal();
            hook(info);
        }));
        crossterm::terminal::enable_raw_mode()?;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        )?;
        let terminal =
            ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))?;
        Ok(Screen {
            terminal,
            previous_hook,
        })
    }

    /// Puts the terminal and the panic hook back as they were.
    pub fn close(mut self) {
        leave_terminal();
        if self.terminal.show_cursor().is_err() {
            // The terminal is gone: ratatui's drop would retry and print the failure on
            // a closed standard error, which panics.
            std::mem::forget(self.terminal);
        }
        let previous = self.previous_hook;
        std::panic::set_hook(Box::new(move |info| previous(info)));
    }

    /// Draws one frame inside a synchronized update, so the terminal shows it whole: a
    /// projector never shows half of one.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> io::Result<()> {
        let terminal = &mut self.terminal;
        queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
        let drawn = terminal.draw(render).map(drop);
        // Ended even when drawing failed, or the terminal would hold back its screen.
        execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
        drawn
    }
}

/// Puts the terminal back as far as it can. Each step is tried even if one before it
/// failed, and failures are ignored: a terminal that is gone cannot be told anything,
/// and printing why would fail too (ratatui's own restore prints, and so panics).
fn leave_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen);
}

/// Starts the threads that turn the terminal's keys, signals and disappearance into
/// events.
pub fn spawn_sources<T: Send + 'static>(tx: &Sender<Event<T>>) -> io::Result<()> {
    spawn_signals(tx.clone())?;
    spawn_hangup_watch(tx.clone());
    spawn_input(tx.clone());
    Ok(())
}

/// Read errors in a row after which the terminal counts as gone.
const READ_FAILURES: u32 = 3;

fn spawn_input<T: Send + 'static>(tx: Sender<Event<T>>) {
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
fn spawn_signals<T: Send + 'static>(tx: Sender<Event<T>>) -> io::Result<()> {
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
fn spawn_hangup_watch<T: Send + 'static>(tx: Sender<Event<T>>) {
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
fn spawn_hangup_watch<T: Send + 'static>(_: Sender<Event<T>>) {}
