//! How types meet: DuckDB's implicit casts (with the costs its binder picks overloads by),
//! the common supertype of two types, decimal growth, and the lossless widenings that drift
//! and contract checks accept.

use super::Ty;

/// The most digits a decimal holds (DuckDB, Snowflake, BigQuery's NUMERIC family).
pub const MAX_DECIMAL_PRECISION: u8 = 38;
/// Past this precision DuckDB stores a decimal in 128 bits; products of two narrower
/// decimals stay at 18 digits (checked for overflow at run time).
const MAX_INT64_PRECISION: u8 = 18;

impl Ty {
    pub fn is_integer(&self) -> bool {
        self.integer_rank().is_some()
    }

    pub fn is_numeric(&self) -> bool {
        self.is_integer() || matches!(self, Ty::Decimal { .. } | Ty::Float32 | Ty::Float64)
    }

    /// Signed integers by width, then unsigned: `(signed, bytes)`.
    fn integer_rank(&self) -> Option<(bool, u8)> {
        Some(match self {
            Ty::Int8 => (true, 1),
            Ty::Int16 => (true, 2),
            Ty::Int32 => (true, 4),
            Ty::Int64 => (true, 8),
            Ty::Int128 => (true, 16),
            Ty::UInt8 => (false, 1),
            Ty::UInt16 => (false, 2),
            Ty::UInt32 => (false, 4),
            Ty::UInt64 => (false, 8),
            _ => return None,
        })
    }

    fn signed_of_width(bytes: u8) -> Ty {
        match bytes {
            0 | 1 => Ty::Int8,
            2 => Ty::Int16,
            3 | 4 => Ty::Int32,
            5..=8 => Ty::Int64,
            _ => Ty::Int128,
        }
    }

    /// The decimal an integer type converts to without loss: `INTEGER` → `DECIMAL(10,0)`.
    pub fn integer_as_decimal(&self) -> Option<(u8, u8)> {
        let digits = match self {
            Ty::Int8 | Ty::UInt8 => 3,
            Ty::Int16 | Ty::UInt16 => 5,
            Ty::Int32 | Ty::UInt32 => 10,
            Ty::Int64 => 19,
            Ty::UInt64 => 20,
            Ty::Int128 => 38,
            _ => return None,
        };
        Some((digits, 0))
    }

    /// `(precision, scale)` of a decimal, or of the decimal an integer becomes.
    pub fn as_decimal(&self) -> Option<(u8, u8)> {
        match self {
            Ty::Decimal { precision, scale } => Some((*precision, *scale)),
            other => other.integer_as_decimal(),
        }
    }

    pub fn decimal(precision: u32, scale: u32) -> Ty {
        let precision = precision.clamp(1, u32::from(MAX_DECIMAL_PRECISION));
        let scale = scale.min(precision);
        // Both fit in u8 after the clamp.
        Ty::Decimal {
            precision: u8::try_from(precision).unwrap_or(MAX_DECIMAL_PRECISION),
            scale: u8::try_from(scale).unwrap_or(0),
        }
    }

    /// DuckDB's cost of casting a value of this type to `to` implicitly (lower is
    /// preferred when picking an overload), or `None` when only an explicit cast converts
    /// it. Mirrors DuckDB's `ImplicitCast` rules and their target costs.
    pub fn implicit_cast_cost(&self, to: &Ty) -> Option<u32> {
        if self == to {
            return Some(0);
        }
        let allowed = match (self, to) {
            (Ty::Unknown, _) | (_, Ty::Unknown) => return Some(0),
            (from, Ty::Decimal { .. } | Ty::Float32 | Ty::Float64) if from.is_integer() => true,
            (Ty::Decimal { .. }, Ty::Decimal { .. } | Ty::Float32 | Ty::Float64) => true,
            (Ty::Float32, Ty::Float64) => true,
            (from, to) if from.is_integer() && to.is_integer() => {
                let (Some((fs, fw)), Some((ts, tw))) = (from.integer_rank(), to.integer_rank())
                else {
                    return None;
                };
                match (fs, ts) {
                    (true, true) | (false, false) => tw > fw,
                    // Unsigned into a wider signed type.
                    (false, true) => tw > fw,
                    (true, false) => false,
                }
            }
            (Ty::Date, Ty::Timestamp | Ty::TimestampTz) => true,
            (Ty::Timestamp, Ty::TimestampTz) => true,
            (Ty::Array(a), Ty::Array(b)) => return a.implicit_cast_cost(b).map(|c| c + 1),
            _ => false,
        };
        allowed.then(|| target_cost(to))
    }

    /// The type both `a` and `b` convert to implicitly (DuckDB's `MaxLogicalType`): what a
    /// `CASE`, `COALESCE`, `UNION` or comparison of the two yields. `None` when there is
    /// none: mixing them needs an explicit cast. Unknown meets anything as Unknown.
    pub fn supertype(a: &Ty, b: &Ty) -> Option<Ty> {
        if a == b {
            return Some(a.clone());
        }
        match (a, b) {
            (Ty::Unknown, _) | (_, Ty::Unknown) => Some(Ty::Unknown),
            (Ty::Float64, n) | (n, Ty::Float64) if n.is_numeric() => Some(Ty::Float64),
            (Ty::Float32, n) | (n, Ty::Float32) if n.is_numeric() => Some(Ty::Float32),
            (Ty::Decimal { .. }, n) | (n, Ty::Decimal { .. }) if n.is_numeric() => {
                let (p1, s1) = a.as_decimal()?;
                let (p2, s2) = b.as_decimal()?;
                let int_digits = u32::from((p1 - s1).max(p2 - s2));
                // Past 38 digits DuckDB keeps the integer digits and gives up scale.
                let scale = u32::from(s1.max(s2))
                    .min(u32::from(MAX_DECIMAL_PRECISION).saturating_sub(int_digits));
                Some(Ty::decimal(int_digits + scale, scale))
            }
            (x, y) if x.is_integer() && y.is_integer() => {
                let ((xs, xw), (ys, yw)) = (x.integer_rank()?, y.integer_rank()?);
                Some(match (xs, ys) {
                    (true, true) => Ty::signed_of_width(xw.max(yw)),
                    (false, false) => {
                        if xw >= yw {
                            x.clone()
                        } else {
                            y.clone()
                        }
                    }
                    // Signed and unsigned: a signed type wider than the unsigned one.
                    (true, false) => Ty::signed_of_width(xw.max(yw * 2)),
                    (false, true) => Ty::signed_of_width(yw.max(xw * 2)),
                })
            }
            (Ty::Date, Ty::Timestamp) | (Ty::Timestamp, Ty::Date) => Some(Ty::Timestamp),
            (Ty::TimestampTz, Ty::Date | Ty::Timestamp)
            | (Ty::Date | Ty::Timestamp, Ty::TimestampTz) => Some(Ty::TimestampTz),
            (Ty::Array(x), Ty::Array(y)) => Ty::supertype(x, y).map(|t| Ty::Array(Box::new(t))),
            _ => None,
        }
    }

    /// True when every value of `self` is a value of `to` (a column may change from `self`
    /// to `to` without breaking consumers): integer and float widening, decimal growth
    /// that keeps the integer digits and the scale, any string length.
    pub fn widens_to(&self, to: &Ty) -> bool {
        if self == to {
            return true;
        }
        match (self, to) {
            (
                Ty::Decimal { precision: p1, scale: s1 },
                Ty::Decimal { precision: p2, scale: s2 },
            ) => s2 >= s1 && p2 - s2 >= p1 - s1,
            (from, Ty::Decimal { precision, scale }) if from.is_integer() => {
                from.integer_as_decimal().is_some_and(|(p, _)| precision - scale >= p)
            }
            (from, to) if from.is_integer() && to.is_integer() => {
                from.implicit_cast_cost(to).is_some()
            }
            (Ty::Int8 | Ty::Int16 | Ty::UInt8 | Ty::UInt16 | Ty::Float32, Ty::Float64) => true,
            (Ty::Int8 | Ty::UInt8 | Ty::Int16 | Ty::UInt16, Ty::Float32) => true,
            (Ty::Int32 | Ty::UInt32, Ty::Float64) => true,
            (Ty::Date, Ty::Timestamp) => true,
            (Ty::Array(a), Ty::Array(b)) => a.widens_to(b),
            _ => false,
        }
    }
}

/// DuckDB's preference among cast targets (`TargetTypeCost`): an overload whose parameters
/// need cheaper casts wins.
fn target_cost(to: &Ty) -> u32 {
    match to {
        Ty::Int32 => 103,
        Ty::Int64 => 101,
        Ty::Float64 => 102,
        Ty::Int128 => 120,
        Ty::Timestamp => 120,
        Ty::String => 149,
        Ty::Decimal { .. } => 104,
        Ty::Struct(_) | Ty::Map(..) | Ty::Array(_) => 160,
        _ => 110,
    }
}

/// DuckDB's `+`/`-` of two decimals: room for the larger integer part plus a carry digit.
pub fn decimal_add(a: (u8, u8), b: (u8, u8)) -> Ty {
    let scale = a.1.max(b.1);
    let int_digits = (a.0 - a.1).max(b.0 - b.1);
    Ty::decimal(u32::from(int_digits) + u32::from(scale) + 1, u32::from(scale))
}

/// DuckDB's `*` of two decimals: the digits add up, but two 64-bit decimals keep a 64-bit
/// result (18 digits).
pub fn decimal_multiply(a: (u8, u8), b: (u8, u8)) -> Ty {
    let mut precision = u32::from(a.0) + u32::from(b.0);
    let scale = u32::from(a.1) + u32::from(b.1);
    if precision > u32::from(MAX_INT64_PRECISION)
        && a.0 <= MAX_INT64_PRECISION
        && b.0 <= MAX_INT64_PRECISION
    {
        precision = u32::from(MAX_INT64_PRECISION).max(scale);
    }
    Ty::decimal(precision, scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(p: u32, s: u32) -> Ty {
        Ty::decimal(p, s)
    }

    #[test]
    fn supertypes_follow_duckdb() {
        let cases = [
            (Ty::Int32, Ty::Int64, Some(Ty::Int64)),
            (Ty::UInt64, Ty::Int32, Some(Ty::Int128)),
            (dec(12, 2), Ty::Int32, Some(dec(12, 2))),
            (Ty::Int32, dec(2, 1), Some(dec(11, 1))),
            (dec(12, 2), dec(18, 4), Some(dec(18, 4))),
            (dec(18, 4), dec(38, 2), Some(dec(38, 2))),
            (dec(38, 4), dec(38, 2), Some(dec(38, 2))),
            (dec(12, 2), Ty::Float32, Some(Ty::Float32)),
            (Ty::Int32, Ty::Float64, Some(Ty::Float64)),
            (Ty::Date, Ty::Timestamp, Some(Ty::Timestamp)),
            (Ty::String, Ty::Int32, None),
            (
                Ty::Array(Box::new(Ty::Int32)),
                Ty::Array(Box::new(Ty::Int64)),
                Some(Ty::Array(Box::new(Ty::Int64))),
            ),
        ];
        for (a, b, want) in cases {
            assert_eq!(Ty::supertype(&a, &b), want, "{a} ∪ {b}");
            assert_eq!(Ty::supertype(&b, &a), want, "{b} ∪ {a}");
        }
    }

    #[test]
    fn decimal_arithmetic_follows_duckdb() {
        assert_eq!(decimal_add((12, 2), (12, 2)), dec(13, 2));
        assert_eq!(decimal_add((12, 2), (18, 4)), dec(19, 4));
        assert_eq!(decimal_multiply((12, 2), (12, 2)), dec(18, 4));
        assert_eq!(decimal_multiply((12, 2), (2, 1)), dec(14, 3));
        assert_eq!(decimal_multiply((19, 0), (2, 1)), dec(21, 1));
        assert_eq!(decimal_multiply((38, 10), (12, 2)), dec(38, 12));
    }

    #[test]
    fn implicit_casts_and_widening() {
        assert_eq!(Ty::Int32.implicit_cast_cost(&Ty::Int64), Some(101));
        assert_eq!(Ty::Int64.implicit_cast_cost(&Ty::Int32), None);
        assert_eq!(Ty::String.implicit_cast_cost(&Ty::Int32), None);
        assert!(Ty::Date.implicit_cast_cost(&Ty::Timestamp).is_some());
        assert!(Ty::Int32.widens_to(&Ty::Int64));
        assert!(!Ty::Int64.widens_to(&Ty::Int32));
        assert!(dec(10, 2).widens_to(&dec(12, 2)));
        assert!(!dec(10, 2).widens_to(&dec(10, 3)));
        assert!(Ty::Int32.widens_to(&dec(12, 2)));
        assert!(!Ty::Int64.widens_to(&Ty::Float64));
    }
}
