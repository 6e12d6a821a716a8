//! Picking a function's overload for typed arguments and computing its return type, as
//! DuckDB's binder does: the overload whose arguments need the cheapest implicit casts
//! wins; generic parameters bind to argument types; decimal results are sized by the
//! function's own rule (`sum` widens to 38 digits, `*` adds precisions, ...).

use super::{Function, Overload, ParamTy};
use crate::ty::{Ty, decimal_add, decimal_multiply};

/// What inference knows of one argument.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Arg {
    pub ty: Ty,
    pub lit: Lit,
}

/// Literals convert more freely than typed values: `NULL` to anything, a string to any
/// type, an integer to any integer type that holds it (`smallint_col + 1` stays SMALLINT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lit {
    No,
    Null,
    Str,
    Int(i128),
}

impl Arg {
    pub fn typed(ty: Ty) -> Arg {
        Arg { ty, lit: Lit::No }
    }
}

/// The result of binding a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    Ty(Ty),
    /// No overload takes this many arguments: the counts it does take.
    WrongArity(Vec<usize>),
    /// Overloads take this many arguments, but none these types.
    NoMatch,
}

/// [`bind_call`] of a catalog function, remembered per thread: a project applies the same
/// few operators and functions to the same few types over and over (`+` alone has dozens
/// of overloads to weigh), and the answer depends on nothing else.
pub fn bind_catalog_call(f: &'static Function, args: &[Arg]) -> Bound {
    use crate::thread_memo::{ThreadMemo, remembered};
    thread_local! {
        static MEMO: ThreadMemo<(usize, Box<[Arg]>), Bound> = ThreadMemo::default();
    }
    // A `'static` function is one catalog entry for the life of the process: its address
    // names it.
    let id = std::ptr::from_ref(f) as usize;
    remembered(
        &MEMO,
        &(id, args),
        |(i, a)| *i == id && **a == *args,
        || (id, args.into()),
        || bind_call(f, args),
    )
}

/// Binds a call of `f` with `args`; Unknown where the catalog cannot tell (a macro, an
/// ambiguous choice between overloads with different results, an unknown argument that
/// decides the overload).
pub fn bind_call(f: &Function, args: &[Arg]) -> Bound {
    if let Some(counts) = arity_mismatch(f, args.len()) {
        return Bound::WrongArity(counts);
    }
    let mut best: Option<u32> = None;
    let mut results: Vec<Ty> = Vec::new();
    for o in f.overloads.iter().filter(|o| takes(f, o, args.len())) {
        let mut generics = Generics::default();
        let mut cost = 0u32;
        let mut ok = true;
        for (i, arg) in args.iter().enumerate() {
            let param = match o.params.get(i) {
                Some(p) => &p.ty,
                None => match &o.varargs {
                    Some(v) => v,
                    None => {
                        ok = false;
                        break;
                    }
                },
            };
            match arg_cost(arg, param, &mut generics) {
                Some(c) => cost += c,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }
        match best {
            Some(b) if cost > b => {}
            Some(b) if cost == b => results.push(return_type(f, o, args, &generics)),
            _ => {
                best = Some(cost);
                results.clear();
                results.push(return_type(f, o, args, &generics));
            }
        }
    }
    match results.split_first() {
        None => Bound::NoMatch,
        Some((first, rest)) if rest.iter().all(|t| t == first) => Bound::Ty(first.clone()),
        Some(_) => Bound::Ty(Ty::Unknown),
    }
}

/// Whether overload `o` of `f` takes `n` arguments. Window functions list their optional
/// trailing parameters (`lag(x[, offset[, default]])`) as one overload.
fn takes(f: &Function, o: &Overload, n: usize) -> bool {
    o.params.len() == n
        || (o.varargs.is_some() && n >= o.params.len())
        || (f.kind == super::FnKind::Window && n < o.params.len())
}

/// The argument counts `f` takes when no overload takes `n` (an arity error needs no
/// argument types).
pub fn arity_mismatch(f: &Function, n: usize) -> Option<Vec<usize>> {
    if f.overloads.iter().any(|o| takes(f, o, n)) {
        return None;
    }
    let mut counts: Vec<usize> = f.overloads.iter().map(|o| o.params.len()).collect();
    counts.sort_unstable();
    counts.dedup();
    Some(counts)
}

/// Bindings of `T`, `K`, `V`.
#[derive(Default)]
struct Generics {
    bound: Vec<(char, Ty)>,
}

impl Generics {
    fn bind(&mut self, name: char, ty: &Ty) -> bool {
        match self.bound.iter_mut().find(|(n, _)| *n == name) {
            Some((_, have)) => match Ty::supertype(have, ty) {
                Some(sup) => {
                    *have = sup;
                    true
                }
                None => false,
            },
            None => {
                self.bound.push((name, ty.clone()));
                true
            }
        }
    }

    fn get(&self, name: char) -> Ty {
        self.bound.iter().find(|(n, _)| *n == name).map_or(Ty::Unknown, |(_, t)| t.clone())
    }
}

/// The type an integer literal has on its own: the narrowest of INTEGER, BIGINT, HUGEINT.
pub fn int_literal_ty(value: i128) -> Ty {
    if i32::try_from(value).is_ok() {
        Ty::Int32
    } else if i64::try_from(value).is_ok() {
        Ty::Int64
    } else {
        Ty::Int128
    }
}

/// Whether an integer literal's value fits the integer type `ty`.
pub fn int_fits(value: i128, ty: &Ty) -> bool {
    match ty {
        Ty::Int8 => i8::try_from(value).is_ok(),
        Ty::Int16 => i16::try_from(value).is_ok(),
        Ty::Int32 => i32::try_from(value).is_ok(),
        Ty::Int64 => i64::try_from(value).is_ok(),
        Ty::Int128 => true,
        Ty::UInt8 => u8::try_from(value).is_ok(),
        Ty::UInt16 => u16::try_from(value).is_ok(),
        Ty::UInt32 => u32::try_from(value).is_ok(),
        Ty::UInt64 => u64::try_from(value).is_ok(),
        _ => false,
    }
}

fn arg_cost(arg: &Arg, param: &ParamTy, generics: &mut Generics) -> Option<u32> {
    if arg.ty.is_unknown() && arg.lit == Lit::No {
        // An argument of unknown type fits anything; the overloads it leaves open must
        // agree on the result or the call is Unknown.
        if let ParamTy::Generic(name) = param {
            generics.bind(*name, &Ty::Unknown);
        }
        return Some(0);
    }
    match param {
        ParamTy::Any => Some(0),
        ParamTy::Generic(name) => {
            let ty = literal_own_type(&arg.ty, arg.lit);
            generics.bind(*name, &ty).then_some(0)
        }
        ParamTy::List(elem) => match (&arg.ty, arg.lit) {
            (_, Lit::Null) => Some(1),
            (Ty::Array(inner), _) => {
                arg_cost(&Arg::typed((**inner).clone()), elem, generics).map(|c| c + 1)
            }
            _ => None,
        },
        ParamTy::Decimal => match (&arg.ty, arg.lit) {
            (_, Lit::Null) => Some(1),
            (Ty::Decimal { .. }, _) => Some(0),
            (t, _) if t.is_integer() => Some(104),
            (_, Lit::Int(_)) => Some(104),
            _ => None,
        },
        ParamTy::Struct => matches!(arg.ty, Ty::Struct(_)).then_some(0),
        ParamTy::Map => matches!(arg.ty, Ty::Map(..)).then_some(0),
        ParamTy::Null => (arg.lit == Lit::Null).then_some(0),
        ParamTy::Lambda | ParamTy::Other => None,
        ParamTy::Ty(target) => match arg.lit {
            Lit::Null => Some(1),
            Lit::Str if *target == Ty::String => Some(0),
            // A string literal converts to any type (`date_col >= '2024-01-01'`).
            Lit::Str => Some(150),
            Lit::Int(v) if int_fits(v, target) => {
                Some(if *target == int_literal_ty(v) { 0 } else { 1 })
            }
            _ => arg.ty.implicit_cast_cost(target),
        },
    }
}

/// The type a value has on its own, literal or not: `1` is INTEGER (`list_value(1, 2)` is
/// `INTEGER[]`), `NULL` Unknown.
pub fn literal_own_type(ty: &Ty, lit: Lit) -> Ty {
    match lit {
        Lit::Int(v) => int_literal_ty(v),
        Lit::Str => Ty::String,
        _ => ty.clone(),
    }
}

fn return_type(f: &Function, o: &Overload, args: &[Arg], generics: &Generics) -> Ty {
    let Some(ret) = &o.ret else { return Ty::Unknown };
    pattern_type(f, o, ret, args, generics)
}

fn pattern_type(
    f: &Function,
    o: &Overload,
    ret: &ParamTy,
    args: &[Arg],
    generics: &Generics,
) -> Ty {
    match ret {
        ParamTy::Ty(t) => t.clone(),
        ParamTy::Any => {
            let position = o.params.iter().position(|p| p.ty == ParamTy::Any);
            match position.and_then(|i| args.get(i)) {
                Some(arg) => literal_own_type(&arg.ty, arg.lit),
                None => Ty::Unknown,
            }
        }
        ParamTy::Generic(name) => generics.get(*name),
        ParamTy::List(elem) => Ty::Array(Box::new(pattern_type(f, o, elem, args, generics))),
        ParamTy::Decimal => decimal_result(f.name, args),
        _ => Ty::Unknown,
    }
}

/// The decimal a function returns for decimal arguments, by DuckDB's per-function rule.
fn decimal_result(name: &str, args: &[Arg]) -> Ty {
    let dec = |i: usize| -> Option<(u8, u8)> {
        let arg = args.get(i)?;
        match arg.lit {
            Lit::Int(v) => int_literal_ty(v).as_decimal(),
            _ => arg.ty.as_decimal(),
        }
    };
    let Some(first) = dec(0).or_else(|| dec(1)) else { return Ty::Unknown };
    match (name, args.len()) {
        ("+" | "-", 2) => match (dec(0), dec(1)) {
            (Some(a), Some(b)) => decimal_add(a, b),
            _ => Ty::Unknown,
        },
        ("*", 2) => match (dec(0), dec(1)) {
            (Some(a), Some(b)) => decimal_multiply(a, b),
            _ => Ty::Unknown,
        },
        ("%" | "mod", 2) => match (dec(0), dec(1)) {
            (Some(a), Some(b)) => Ty::supertype(
                &Ty::decimal(a.0.into(), a.1.into()),
                &Ty::decimal(b.0.into(), b.1.into()),
            )
            .unwrap_or(Ty::Unknown),
            _ => Ty::Unknown,
        },
        ("sum" | "sum_no_overflow", _) => Ty::decimal(38, first.1.into()),
        ("avg" | "mean", _) => Ty::Float64,
        ("round" | "round_even" | "roundbankers" | "trunc", 2) => match args[1].lit {
            Lit::Int(n) => Ty::decimal(
                first.0.into(),
                u32::try_from(n.clamp(0, i128::from(first.1))).unwrap_or(0),
            ),
            _ => Ty::decimal(first.0.into(), first.1.into()),
        },
        ("round" | "round_even" | "roundbankers" | "trunc" | "floor" | "ceil" | "ceiling", 1) => {
            Ty::decimal(first.0.into(), 0)
        }
        _ => Ty::decimal(first.0.into(), first.1.into()),
    }
}
