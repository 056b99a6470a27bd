//! Words of a comment, in any language: ICU4X's segmenter finds word
//! boundaries, with a dictionary for scripts written without spaces (Thai),
//! so "ส่งช้ามาก" yields "ส่ง", "ช้า", "มาก" rather than one long token.

use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;

/// The word-like segments of `text`, lower-cased; numbers and single
/// letters of cased alphabets ("a", "Η") are left out (they say little about
/// what went wrong).
pub fn words(text: &str) -> Vec<String> {
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let mut words = Vec::new();
    let mut breaks = segmenter.segment_str(text);
    let mut start = 0;
    while let Some(end) = breaks.next() {
        let piece = &text[start..end];
        start = end;
        let mut chars = piece.chars();
        let lone_letter =
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_lowercase() || c.is_uppercase());
        if breaks.is_word_like() && !lone_letter && !piece.chars().all(char::is_numeric) {
            words.push(piece.to_lowercase());
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_is_split_into_words_without_spaces() {
        let found = words("พนักงานไม่สุภาพและส่งของช้ามาก");
        for word in ["พนักงาน", "สุภาพ", "ช้า", "มาก"] {
            assert!(found.iter().any(|w| w == word), "{word} in {found:?}");
        }
    }

    #[test]
    fn spaced_languages_drop_punctuation_numbers_and_case() {
        assert_eq!(
            words("Piegāde kavējās 3 dienas, KURJERS!"),
            ["piegāde", "kavējās", "dienas", "kurjers"]
        );
        assert_eq!(words("Η παράδοση άργησε."), ["παράδοση", "άργησε"]);
    }
}
