//! `convene status SESSION`: the plan's state as text, with an exit status a script
//! can use (3 when actions are overdue).

use super::Setup;
use crate::storage;
use std::process::ExitCode;

/// The exit status of a plan with overdue actions.
pub const OVERDUE: u8 = 3;

pub fn run(setup: &Setup, name: &str) -> Result<ExitCode, String> {
    let path = storage::find_session(&setup.sessions, name).map_err(|e| e.to_string())?;
    let session = storage::load(&path).map_err(|e| e.to_string())?;
    let (text, overdue) = crate::export::status::render(&session, setup.today());
    print!("{text}");
    Ok(if overdue > 0 {
        ExitCode::from(OVERDUE)
    } else {
        ExitCode::SUCCESS
    })
}
