//! Runtime dispatch to the widest vector instructions of the processor (AVX2 on x86-64 where
//! present), through `pulp`, so that the core needs no `unsafe`.
//!
//! The closure given is compiled once per instruction set and the best one the processor has
//! is chosen when called; code inlined into it (`#[inline(always)]`) is vectorized for that
//! set. Rust never fuses a multiplication and an addition on its own, nor reorders a sum, so
//! every copy computes the same bits: the choice changes the speed only. WebAssembly has one
//! instruction set (with SIMD where the package is built for it): the closure is called as is.

/// `f`, run by the copy compiled for the processor's best instruction set.
#[cfg(not(target_family = "wasm"))]
#[inline(always)]
pub(crate) fn dispatch<R>(f: impl FnOnce() -> R) -> R {
    pulp::Arch::new().dispatch(f)
}

/// `f` (WebAssembly has one instruction set).
#[cfg(target_family = "wasm")]
#[inline(always)]
pub(crate) fn dispatch<R>(f: impl FnOnce() -> R) -> R {
    f()
}
