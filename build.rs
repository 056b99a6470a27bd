//! Minifies the widget's stylesheet into `OUT_DIR`, where `src/shadow.rs`
//! compiles it in: comments and the whitespace CSS does not need go, quoted
//! strings stay as written.

use std::{env, fs, path::Path};

fn main() {
    let source = "style/widget.css";
    println!("cargo::rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("reading style/widget.css");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("widget.css");
    fs::write(out, minify(&css)).expect("writing the minified stylesheet");
}

/// `css` without comments and without whitespace beside `{`, `}`, `;`, `,`,
/// `>` or after `:`, and a block's last `;`. Whitespace before `:` stays:
/// in a selector, `a :hover` is not `a:hover`.
fn minify(css: &str) -> String {
    const TIGHT_AFTER: &[char] = &['{', '}', ';', ',', '>', ':', '('];
    const TIGHT_BEFORE: &[char] = &['{', '}', ';', ',', '>', ')'];
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            _ => {
                let tight = out.is_empty() || out.ends_with(TIGHT_AFTER) || TIGHT_BEFORE.contains(&c);
                if space && !tight {
                    out.push(' ');
                }
                space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                if c == '"' || c == '\'' {
                    for inner in chars.by_ref() {
                        out.push(inner);
                        if inner == c {
                            break;
                        }
                    }
                }
            }
        }
    }
    out
}
