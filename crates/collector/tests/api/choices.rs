//! Multiple choice and Likert through the collector: answers stored and
//! refused naming the field, the owner's figures, erasure taking a
//! response's choices back out, and the CSV export's columns.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{question, uuid};

fn definition() -> Value {
    json!({
        "id": "choices", "version": 1, "default_locale": "en", "title": {"en": "Choices"},
        "questions": [
            {"id": "improve", "kind": "multiple_choice", "text": {"en": "Improve?"}, "other": true,
             "max_selections": 2,
             "options": [{"id": "speed", "label": {"en": "Speed"}}, {"id": "price", "label": {"en": "Price"}},
                         {"id": "staff", "label": {"en": "Staff"}}]},
            {"id": "agree", "kind": "likert", "text": {"en": "Agree?"},
             "statements": [{"id": "easy", "label": {"en": "Easy"}}, {"id": "kind", "label": {"en": "Kind"}}]},
        ],
    })
}

fn answering(n: u32, answers: Value) -> String {
    json!({"id": uuid(n), "survey_version": 1, "answers": answers}).to_string()
}

crate::on_both_databases! {
    async fn choices_and_agreement_are_stored_counted_erased_and_exported(app) {
        let created = app.admin("POST", "/v1/admin/surveys", Some(definition())).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        let answers = [
            json!({"improve": {"selected": ["speed"]}, "agree": {"easy": 5, "kind": 4}}),
            json!({"improve": {"selected": ["price", "speed"]}, "agree": {"easy": 2}}),
            json!({"improve": {"selected": [], "other": "=parking"}, "agree": {"easy": 4, "kind": 1}}),
        ];
        for (n, answer) in answers.iter().enumerate() {
            let stored = app.post_raw("choices", "application/json", answering(n as u32, answer.clone())).await;
            assert_eq!(stored.status, StatusCode::CREATED, "{}", stored.body);
        }
        let too_many = json!({"improve": {"selected": ["speed", "price"], "other": "more"}});
        let refused = app.post_raw("choices", "application/json", answering(9, too_many)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!((refused.body["code"].as_str(), refused.body["field"].as_str()), (Some("out_of_range"), Some("answers.improve.selected")));
        let off_scale = app.post_raw("choices", "application/json", answering(10, json!({"agree": {"easy": 6}}))).await;
        assert_eq!(off_scale.body["field"], "answers.agree.easy", "{}", off_scale.body);

        let snapshot = app.admin("GET", "/v1/admin/surveys/choices/snapshot", None).await;
        assert_eq!(snapshot.body["responses"], 3, "the refused ones stored nothing");
        let improve = question(&snapshot.body, "improve");
        assert_eq!(improve["kind"], "multiple_choice");
        let chosen: Vec<&Value> = improve["options"].as_array().unwrap().iter().map(|o| &o["chosen"]["k"]).collect();
        assert_eq!(chosen, [&json!(2), &json!(1), &json!(0)]);
        assert_eq!(improve["other"]["k"], 1);
        let agree = question(&snapshot.body, "agree");
        assert_eq!(agree["statements"][0]["histogram"], json!([0, 1, 0, 1, 1]));
        assert_eq!(agree["statements"][0]["agreeing"]["k"], 2, "4 and 5 of 5 agree");

        // Erasing a response takes its choices back out of the figures.
        let erased = app.admin("POST", "/v1/admin/erasures", Some(json!({"response_id": uuid(1)}))).await;
        assert_eq!(erased.body["erased"], 1, "{}", erased.body);
        let after = app.admin("GET", "/v1/admin/surveys/choices/snapshot", None).await;
        let improve = question(&after.body, "improve");
        assert_eq!((improve["n"].clone(), improve["options"][1]["chosen"]["k"].clone()), (json!(2), json!(0)));
        assert_eq!(question(&after.body, "agree")["statements"][0]["histogram"], json!([0, 0, 0, 1, 1]));

        let csv = app.admin("GET", "/v1/admin/surveys/choices/export?format=csv", None).await;
        let mut reader = csv::Reader::from_reader(csv.body.as_str().unwrap().as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        let from = header.iter().position(|h| h == "improve.speed").unwrap();
        assert_eq!(header[from..], ["improve.speed", "improve.price", "improve.staff", "improve.other", "agree.easy", "agree.kind"]);
        let mut rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().skip(from).map(str::to_owned).collect()).collect();
        rows.sort();
        assert_eq!(rows, [
            ["0", "0", "0", "'=parking", "4", "1"],
            ["1", "0", "0", "", "5", "4"],
        ], "one column per option, 1 when chosen; Other's words neutralised");
    }
}
