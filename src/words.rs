//! Words for people: counts with the right plural ("1 claim", "2 claims"). Every message and
//! label that counts something goes through [`count`], so no view says "1 claims".

/// `n` and the noun, singular for one and plural otherwise: `count(1, "claim")` is "1 claim",
/// `count(3, "entity")` is "3 entities", `count(2, "match")` is "2 matches".
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {}", noun_for(n, noun))
}

/// The noun alone, singular for one and plural otherwise (for "12 of 40 claims").
pub fn noun_for(n: usize, noun: &str) -> String {
    if n == 1 {
        noun.to_owned()
    } else {
        plural(noun)
    }
}

/// The English plural of a noun (regular rules, plus the few invariant words the app counts).
/// Of several words only the last is changed ("evidence span" → "evidence spans").
pub fn plural(noun: &str) -> String {
    let (head, last) = match noun.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), noun),
    };
    let lower = last.to_lowercase();
    let word = if ["series", "evidence", "data", "news"].contains(&lower.as_str()) {
        last.to_owned()
    } else if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
        && !lower.ends_with("uy")
    {
        format!("{}ies", &last[..last.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    format!("{head}{word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(count(1, "claim"), "1 claim");
        assert_eq!(count(0, "claim"), "0 claims");
        assert_eq!(count(2, "claim"), "2 claims");
        assert_eq!(count(3, "entity"), "3 entities");
        assert_eq!(count(1, "entity"), "1 entity");
        assert_eq!(count(2, "match"), "2 matches");
        assert_eq!(count(2, "day"), "2 days");
        assert_eq!(count(4, "evidence span"), "4 evidence spans");
        assert_eq!(count(2, "independent source"), "2 independent sources");
        assert_eq!(count(5, "series"), "5 series");
        assert_eq!(noun_for(1, "document"), "document");
    }
}
