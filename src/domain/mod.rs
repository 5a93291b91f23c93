//! The workshop's pure domain: nothing here knows about the terminal or the disk.

pub mod board;
pub mod check;
pub mod dates;
pub mod groups;
pub mod meeting;
pub mod migrate;
pub mod phone;
pub mod plan;
pub mod progress;
pub mod promote;
pub mod review;
pub mod room;
pub mod roster;
pub mod session;
pub mod share;
pub mod tables;
pub mod template;
pub mod text;
pub mod timer;
