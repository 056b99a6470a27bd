//! The JSON form of a question: `kind` and the kind's own fields beside the
//! common ones, with unknown fields refused.

use serde::{Deserialize, Serialize};

use super::{CsatDisplay, Labelled, Question, QuestionKind, Texts};
use crate::QuestionId;

fn five() -> u8 {
    5
}

fn is_false(value: &bool) -> bool {
    !value
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum QuestionRepr {
    Csat {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
        #[serde(default)]
        display: CsatDisplay,
        #[serde(default = "five")]
        points: u8,
    },
    Nps {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
    },
    Ces {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
    },
    ExpectationGap {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
        dimensions: Vec<Labelled>,
    },
    YesNo {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
    },
    SingleChoice {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
        options: Vec<Labelled>,
    },
    Comment {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
        max_length: u32,
    },
    ContactRequest {
        id: QuestionId,
        text: Texts,
        #[serde(default, skip_serializing_if = "is_false")]
        required: bool,
    },
}

impl From<QuestionRepr> for Question {
    fn from(repr: QuestionRepr) -> Self {
        use QuestionRepr as R;
        let (id, text, required, kind) = match repr {
            R::Csat {
                id,
                text,
                required,
                display,
                points,
            } => (id, text, required, QuestionKind::Csat { display, points }),
            R::Nps { id, text, required } => (id, text, required, QuestionKind::Nps),
            R::Ces { id, text, required } => (id, text, required, QuestionKind::Ces),
            R::ExpectationGap {
                id,
                text,
                required,
                dimensions,
            } => (id, text, required, QuestionKind::ExpectationGap { dimensions }),
            R::YesNo { id, text, required } => (id, text, required, QuestionKind::YesNo),
            R::SingleChoice {
                id,
                text,
                required,
                options,
            } => (id, text, required, QuestionKind::SingleChoice { options }),
            R::Comment {
                id,
                text,
                required,
                max_length,
            } => (id, text, required, QuestionKind::Comment { max_length }),
            R::ContactRequest { id, text, required } => (id, text, required, QuestionKind::ContactRequest),
        };
        Self {
            id,
            text,
            required,
            kind,
        }
    }
}

impl From<Question> for QuestionRepr {
    fn from(q: Question) -> Self {
        let (id, text, required) = (q.id, q.text, q.required);
        match q.kind {
            QuestionKind::Csat { display, points } => Self::Csat {
                id,
                text,
                required,
                display,
                points,
            },
            QuestionKind::Nps => Self::Nps { id, text, required },
            QuestionKind::Ces => Self::Ces { id, text, required },
            QuestionKind::ExpectationGap { dimensions } => Self::ExpectationGap {
                id,
                text,
                required,
                dimensions,
            },
            QuestionKind::YesNo => Self::YesNo { id, text, required },
            QuestionKind::SingleChoice { options } => Self::SingleChoice {
                id,
                text,
                required,
                options,
            },
            QuestionKind::Comment { max_length } => Self::Comment {
                id,
                text,
                required,
                max_length,
            },
            QuestionKind::ContactRequest => Self::ContactRequest { id, text, required },
        }
    }
}
