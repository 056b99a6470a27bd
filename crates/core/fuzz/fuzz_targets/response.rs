//! Any bytes posted as a response: parsing and validation against every
//! built-in survey must return Ok or a FieldError, never panic; a response
//! that validates must survive its own wire form unchanged.
#![no_main]

use candor_core::{ResponseSubmission, templates};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(submission) = ResponseSubmission::from_json(data) else {
        return;
    };
    for survey in templates::all() {
        let Ok(valid) = survey.validate(submission.clone()) else {
            continue;
        };
        let again = serde_json::to_vec(&valid.to_submission()).expect("serialises");
        let reparsed = ResponseSubmission::from_json(&again).and_then(|s| survey.validate(s));
        assert_eq!(reparsed.as_ref(), Ok(&valid), "a valid response changed on the way back");
    }
});
