//! Interface texts. English only for now; each locale will get its own table.

/// Texts of the widget's own interface (the survey's texts come with it).
pub struct Strings {
    pub submit: &'static str,
    pub sending: &'static str,
    pub thanks: &'static str,
    pub send_failed: &'static str,
    pub expected: &'static str,
    pub experienced: &'static str,
    pub csat_low: &'static str,
    pub csat_high: &'static str,
    pub nps_low: &'static str,
    pub nps_high: &'static str,
    pub ces_low: &'static str,
    pub ces_high: &'static str,
    pub gap_low: &'static str,
    pub gap_high: &'static str,
    pub still_collecting: &'static str,
    pub characters_left: &'static str,
}

/// English.
pub const EN: Strings = Strings {
    submit: "Send feedback",
    sending: "Sending…",
    thanks: "Thank you for your feedback!",
    send_failed: "We couldn't send your feedback. Please try again.",
    expected: "What did you expect?",
    experienced: "What did you get?",
    csat_low: "Very dissatisfied",
    csat_high: "Very satisfied",
    nps_low: "Not at all likely",
    nps_high: "Extremely likely",
    ces_low: "Strongly disagree",
    ces_high: "Strongly agree",
    gap_low: "Very little",
    gap_high: "A great deal",
    still_collecting: "Still collecting responses",
    characters_left: "characters left",
};

/// "12 responses · average 4.2 / 5".
pub fn summary(responses: u64, mean: f64) -> String {
    let noun = if responses == 1 { "response" } else { "responses" };
    format!("{responses} {noun} · average {mean:.1} / 5")
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn summary_rounds_to_one_decimal_and_pluralises() {
        assert_eq!(super::summary(12, 4.25), "12 responses · average 4.2 / 5");
        assert_eq!(super::summary(1, 5.0), "1 response · average 5.0 / 5");
    }
}
