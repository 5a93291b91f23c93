//! Who joined and how fast they write: the participants (capped), and sliding-window
//! rate limits for each participant and for the whole server. Times are passed in, so
//! the limits are tested without waiting.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// Phones that may join one session.
pub const MAX_PEOPLE: usize = 200;
/// Notes one phone may send a minute.
pub const NOTES_PER_MINUTE: usize = 10;
/// Dots one phone may place a minute (the budget stops them sooner on one board).
pub const VOTES_PER_MINUTE: usize = 30;
/// Notes and dots the whole room may send a minute: 100 people each at their limit.
pub const ROOM_PER_MINUTE: usize = 2_000;
/// Joins a minute, all phones together.
pub const JOINS_PER_MINUTE: usize = 300;

const MINUTE: Duration = Duration::from_secs(60);

/// Times of the last actions within a window.
#[derive(Debug, Default)]
pub struct Window(VecDeque<Instant>);

impl Window {
    /// Counts one more at `now` if fewer than `max` happened in the last minute.
    pub fn allow(&mut self, max: usize, now: Instant) -> bool {
        while self
            .0
            .front()
            .is_some_and(|t| now.duration_since(*t) >= MINUTE)
        {
            self.0.pop_front();
        }
        let allowed = self.0.len() < max;
        if allowed {
            self.0.push_back(now);
        }
        allowed
    }
}

#[derive(Debug)]
pub struct Participant {
    /// The key the session knows them by (their dots), not their secret token.
    pub key: String,
    pub notes: Window,
    pub votes: Window,
}

/// Why a request was turned away before reaching the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Full,
    TooFast,
    RoomTooFast,
    Unknown,
}

#[derive(Debug, Default)]
pub struct People {
    by_token: HashMap<String, Participant>,
    room: Window,
    joins: Window,
}

impl People {
    pub fn count(&self) -> usize {
        self.by_token.len()
    }

    /// A new participant with this token and key, unless the room is full.
    pub fn join(&mut self, token: String, key: String, now: Instant) -> Result<(), Limit> {
        if self.by_token.len() >= MAX_PEOPLE {
            return Err(Limit::Full);
        }
        if !self.joins.allow(JOINS_PER_MINUTE, now) {
            return Err(Limit::RoomTooFast);
        }
        self.by_token.insert(
            token,
            Participant {
                key,
                notes: Window::default(),
                votes: Window::default(),
            },
        );
        Ok(())
    }

    pub fn key(&self, token: &str) -> Option<&str> {
        self.by_token.get(token).map(|p| p.key.as_str())
    }

    /// Counts a note (or a dot) from this participant; returns their key if allowed.
    pub fn spend(&mut self, token: &str, vote: bool, now: Instant) -> Result<String, Limit> {
        let p = self.by_token.get_mut(token).ok_or(Limit::Unknown)?;
        let allowed = if vote {
            p.votes.allow(VOTES_PER_MINUTE, now)
        } else {
            p.notes.allow(NOTES_PER_MINUTE, now)
        };
        if !allowed {
            return Err(Limit::TooFast);
        }
        if !self.room.allow(ROOM_PER_MINUTE, now) {
            return Err(Limit::RoomTooFast);
        }
        Ok(p.key.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_notes_a_minute_then_wait() {
        let mut people = People::default();
        let t0 = Instant::now();
        people.join("tok".into(), "p1".into(), t0).unwrap();
        for _ in 0..NOTES_PER_MINUTE {
            assert!(people.spend("tok", false, t0).is_ok());
        }
        assert_eq!(people.spend("tok", false, t0), Err(Limit::TooFast));
        assert!(people.spend("tok", true, t0).is_ok(), "dots count apart");
        let later = t0 + Duration::from_secs(61);
        assert_eq!(people.spend("tok", false, later), Ok("p1".into()));
        assert_eq!(people.spend("nobody", false, later), Err(Limit::Unknown));
    }

    #[test]
    fn the_room_is_capped() {
        let mut people = People::default();
        let t0 = Instant::now();
        for i in 0..MAX_PEOPLE {
            let at = t0 + Duration::from_secs(i as u64);
            people.join(format!("t{i}"), format!("p{i}"), at).unwrap();
        }
        let at = t0 + Duration::from_secs(1000);
        assert_eq!(people.join("x".into(), "x".into(), at), Err(Limit::Full));
        assert_eq!(people.count(), MAX_PEOPLE);
    }
}
