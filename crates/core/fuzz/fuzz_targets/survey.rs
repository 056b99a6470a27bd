//! Any bytes as a survey definition: Ok or a FieldError, never a panic; a
//! definition that parses must parse again, equal, from its own JSON.
#![no_main]

use candor_core::Survey;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(survey) = Survey::from_json(data) {
        let again = serde_json::to_vec(&survey).expect("serialises");
        assert_eq!(Survey::from_json(&again).as_ref(), Ok(&survey));
    }
});
