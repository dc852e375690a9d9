//! Fuzz target: any bytes as a game record — parsing, then replaying against the
//! built-in scenario, must give a game or an error naming the problem, never a panic.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use panmunjom_core::record::Record;
use panmunjom_core::scenario::{Scenario, builtin};

fn scenario() -> Option<Arc<Scenario>> {
    static S: OnceLock<Option<Arc<Scenario>>> = OnceLock::new();
    S.get_or_init(|| builtin::main_scenario().ok().map(Arc::new))
        .clone()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(s) = scenario() else {
        return;
    };
    match Record::parse("fuzz.json", text) {
        Ok(mut record) => {
            // Most mutations break the hash; replay with the real one too, so the
            // fuzzer reaches the choices.
            let _ = record
                .replay("fuzz.json", Arc::clone(&s))
                .map_err(|e| e.render());
            record.scenario.hash = s.hash.clone();
            record.scenario.id = s.id.clone();
            if let Ok(game) = record.replay("fuzz.json", Arc::clone(&s)) {
                let _ = panmunjom_core::compare::Debrief::new(&game);
                let _ = Record::of(&game).to_json();
            }
        }
        Err(e) => {
            let _ = e.render();
        }
    }
});
