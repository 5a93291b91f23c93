//! `convene config`, and the config's problems as notices.

use super::Setup;
use crate::domain::session::ThemeName;
use crate::domain::template::DEFAULT_TEMPLATE;
use crate::storage;
use crate::storage::config::Loaded;

/// What is wrong with the config, one line each, naming the file.
pub fn notices(loaded: &Loaded) -> Vec<String> {
    loaded.messages()
}

/// Prints the file in use and the settings in effect, as a config file would say them;
/// fails (after printing) when the config has problems, so a script can check it.
pub fn run(setup: &Setup, dir_given: bool, default: bool) -> Result<(), String> {
    if default {
        let sessions = storage::sessions_dir(None)
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        let keys = crate::app::Keymap::default_toml();
        print!("{}", crate::config::default_file(&sessions, &keys));
        return Ok(());
    }
    let loaded = &setup.config;
    match &loaded.path {
        Some(path) if loaded.found => println!("# config file: {}", path.display()),
        Some(path) => println!(
            "# config file: {} (none there: the defaults are in use)",
            path.display()
        ),
        None => println!("# no config folder on this system: the defaults are in use"),
    }
    if let Some(dir) = setup.templates_dir() {
        println!("# your templates: {}", dir.display());
    }
    println!("# `convene config --default` prints a commented file to start from.");
    let config = &loaded.config;
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    println!(
        "template = {}",
        quoted(config.template.as_deref().unwrap_or(DEFAULT_TEMPLATE))
    );
    let from_cli = if dir_given {
        "   # from --dir or CONVENE_DIR"
    } else {
        ""
    };
    println!(
        "sessions = {}{from_cli}",
        quoted(&setup.sessions.display().to_string())
    );
    let theme = match config.session.theme {
        ThemeName::Light => "light",
        ThemeName::Dark => "dark",
    };
    println!("theme = {}", quoted(theme));
    println!("bell = {}", config.session.bell);
    println!("panel = {}", config.session.show_panel);
    // The keys the keymap took: a change it refused is among the problems below.
    let mut context = None;
    for (changed, action, keys) in setup.keymap.changes() {
        if context != Some(changed) {
            println!("\n[keys.{}]", changed.name());
            context = Some(changed);
        }
        let keys: Vec<String> = keys.iter().map(|k| quoted(&k.to_string())).collect();
        println!("{action} = [{}]", keys.join(", "));
    }
    if setup.notices.is_empty() {
        return Ok(());
    }
    for notice in &setup.notices {
        eprintln!("convene: {notice}");
    }
    Err(match setup.notices.len() {
        1 => "1 problem in the config".to_string(),
        n => format!("{n} problems in the config"),
    })
}
