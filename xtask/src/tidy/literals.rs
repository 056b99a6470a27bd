//! Reading Rust string literals out of source text, which is all the
//! translation check needs of Rust's syntax.

/// The value of the string literal at the start of `text` (after its
/// opening quote), with `\n`, `\"`, `\\` and the like unescaped, and the
/// text after its closing quote.
pub fn literal(text: &str) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Some((value, &text[at + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                'u' => {
                    // `\u{2066}`: the character itself, so its braces are no placeholder.
                    let rest = text.get(at + 2..)?.strip_prefix('{')?;
                    let (hex, _) = rest.split_once('}')?;
                    value.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
                    for _ in 0..hex.len() + 2 {
                        chars.next();
                    }
                }
                '\n' => {
                    // A line continuation: the next line's indentation goes.
                    while chars.clone().next().is_some_and(|(_, c)| c.is_whitespace()) {
                        chars.next();
                    }
                }
                other => value.push(other),
            },
            c => value.push(c),
        }
    }
    None
}

/// Every string literal in `text`, in order. Comments are skipped, and so
/// are char literals (`'"'`).
pub fn all(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['"', '/', '\'']) {
        let from = &rest[at..];
        if let Some(after) = from.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
        } else if let Some(after) = from.strip_prefix('"') {
            match literal(after) {
                Some((value, next)) => {
                    found.push(value);
                    rest = next;
                }
                None => break,
            }
        } else if let Some(after) = from.strip_prefix("'\"'") {
            rest = after;
        } else {
            rest = &from[1..];
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_unicode_escapes_as_their_characters() {
        let (value, rest) = literal(r#"a\u{2066}{n}\u{2069}" tail"#).unwrap();
        assert_eq!(value, "a\u{2066}{n}\u{2069}");
        assert_eq!(rest, " tail");
    }

    #[test]
    fn reads_escapes_and_skips_comments_and_chars() {
        let text = r#"let a = "one \"two\"\n"; // "not this"
            let q = '"'; call("three\
                four");"#;
        assert_eq!(all(text), ["one \"two\"\n", "threefour"]);
    }
}
