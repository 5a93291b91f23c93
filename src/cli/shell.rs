//! Shell completions and the man page, both generated from the clap definition so
//! they cannot drift from the commands.

use super::{Cli, EXIT_STATUS};
use clap::CommandFactory;
use roff::{Roff, bold, italic, roman};
use std::io::{self, Write};

pub fn completions(shell: clap_complete::Shell) {
    clap_complete::generate(shell, &mut Cli::command(), "convene", &mut io::stdout());
}

/// Where convene keeps things, for the FILES section.
const FILES: &[(&str, &str)] = &[
    (
        "~/.config/convene/config.toml",
        "the config file on Linux (the platform config folder elsewhere; --config or CONVENE_CONFIG name another). `convene config --default` prints one to start from.",
    ),
    (
        "~/.config/convene/templates/",
        "your workshop templates, beside the config file: NAME.json is found as --template NAME.",
    ),
    (
        "~/.local/share/convene/sessions/",
        "the sessions on Linux (the platform data folder elsewhere; the config's sessions, --dir or CONVENE_DIR name another).",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("CONVENE_DIR", "the sessions folder, as --dir."),
    ("CONVENE_CONFIG", "the config file, as --config."),
    (
        "NO_COLOR",
        "when set, no colour: every stage and selection still reads from its label, symbol or reversed video.",
    ),
];

/// One page: clap_mangen's title, synopsis, description and options, then every
/// command with its own options (there are no separate pages to point to), the exit
/// status, files and environment.
pub fn man() -> io::Result<()> {
    let cmd = Cli::command();
    let page = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    page.render_title(&mut out)?;
    page.render_name_section(&mut out)?;
    page.render_synopsis_section(&mut out)?;
    page.render_description_section(&mut out)?;
    page.render_options_section(&mut out)?;

    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    commands(&mut roff, &cmd, "convene");
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_STATUS {
        roff.control("TP", []).text([bold(code.to_string())]);
        roff.text([roman(*meaning)]);
    }
    for (heading, items) in [("FILES", FILES), ("ENVIRONMENT", ENVIRONMENT)] {
        roff.control("SH", [heading]);
        for (name, meaning) in items {
            roff.control("TP", []).text([italic(*name)]);
            roff.text([roman(*meaning)]);
        }
    }
    roff.to_writer(&mut out)?;
    page.render_version_section(&mut out)?;
    io::stdout().write_all(ascii(&String::from_utf8_lossy(&out)).as_bytes())
}

/// roff reads bytes, not UTF-8: a character beyond ASCII (an ellipsis in a help
/// line) becomes roff's own escape for it, `\[u2026]`.
fn ascii(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

fn commands(roff: &mut Roff, cmd: &clap::Command, prefix: &str) {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("{prefix} {}", sub.get_name());
        let args: Vec<&clap::Arg> = sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && !a.is_hide_set())
            .collect();
        let mut usage = vec![bold(name.clone())];
        for arg in &args {
            let arg = match arg.is_required_set() {
                true => arg_usage(arg),
                false => format!("[{}]", arg_usage(arg)),
            };
            usage.push(roman(format!(" {arg}")));
        }
        if sub.has_subcommands() {
            usage.push(roman(" [COMMAND]"));
        }
        roff.control("TP", []).text(usage);
        if let Some(about) = sub.get_about() {
            roff.text([roman(about.to_string())]);
        }
        for arg in &args {
            roff.control("RS", []).control("TP", []);
            roff.text([bold(arg_usage(arg))]);
            if let Some(help) = arg.get_help() {
                roff.text([roman(help.to_string())]);
            }
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if !values.is_empty() {
                roff.text([roman(format!("One of: {}.", values.join(", ")))]);
            }
            roff.control("RE", []);
        }
        commands(roff, sub, &name);
    }
}

/// `--template <NAME|PATH>`, `<SESSION>`, `--default`.
fn arg_usage(arg: &clap::Arg) -> String {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map(|n| n.to_string())
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
    let takes_value = arg.get_num_args().is_none_or(|n| n.takes_values())
        && !matches!(
            arg.get_action(),
            clap::ArgAction::SetTrue | clap::ArgAction::SetFalse
        );
    match arg.get_long() {
        Some(long) if takes_value => format!("--{long} <{value}>"),
        Some(long) => format!("--{long}"),
        None => format!("<{value}>"),
    }
}
