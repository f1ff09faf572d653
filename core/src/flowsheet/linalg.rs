//! The small dense linear algebra the reconciliation needs, and the chi-square distribution.

/// Cholesky factor L (lower, row-major n×n) of the symmetric positive definite `a`, in place;
/// `None` when `a` is not positive definite (to working precision).
pub(crate) fn cholesky(a: &mut [f64], n: usize) -> Option<()> {
    for j in 0..n {
        let mut d = a[j * n + j];
        for k in 0..j {
            d -= a[j * n + k] * a[j * n + k];
        }
        if d.is_nan() || d <= 0.0 || !d.is_finite() {
            return None;
        }
        let d = d.sqrt();
        a[j * n + j] = d;
        for i in j + 1..n {
            let mut s = a[i * n + j];
            for k in 0..j {
                s -= a[i * n + k] * a[j * n + k];
            }
            a[i * n + j] = s / d;
        }
        for k in j + 1..n {
            a[j * n + k] = 0.0;
        }
    }
    Some(())
}

/// Solve L·Lᵀ·x = b with the factor from [`cholesky`].
pub(crate) fn cholesky_solve(l: &[f64], n: usize, b: &[f64]) -> Vec<f64> {
    let mut y = b.to_vec();
    for i in 0..n {
        let mut s = y[i];
        for k in 0..i {
            s -= l[i * n + k] * y[k];
        }
        y[i] = s / l[i * n + i];
    }
    for i in (0..n).rev() {
        let mut s = y[i];
        for k in i + 1..n {
            s -= l[k * n + i] * y[k];
        }
        y[i] = s / l[i * n + i];
    }
    y
}

/// ln Γ(x) for x > 0 (Lanczos approximation, g = 7, nine coefficients; relative error
/// below 1e-13).
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a), by its series for
/// x < a + 1 and its continued fraction (modified Lentz) otherwise.
fn gamma_q(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    let log_prefix = -x + a * x.ln() - ln_gamma(a);
    if x < a + 1.0 {
        let (mut sum, mut term, mut ap) = (1.0 / a, 1.0 / a, a);
        for _ in 0..500 {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if term.abs() < sum.abs() * 1e-15 {
                break;
            }
        }
        (1.0 - sum * log_prefix.exp()).clamp(0.0, 1.0)
    } else {
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..500 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < 1e-15 {
                break;
            }
        }
        (log_prefix.exp() * h).clamp(0.0, 1.0)
    }
}

/// P(X ≥ x) for X chi-square distributed with `dof` degrees of freedom.
pub(crate) fn chi_square_p_value(x: f64, dof: usize) -> f64 {
    gamma_q(dof as f64 / 2.0, x / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chi_square_tables() {
        // Critical values at 5 % (NIST/SEMATECH e-Handbook, table 1.3.6.7.4):
        // 3.841 (1 dof), 5.991 (2), 11.070 (5), 18.307 (10), 43.773 (30).
        for (x, dof) in [
            (3.841, 1),
            (5.991, 2),
            (11.070, 5),
            (18.307, 10),
            (43.773, 30),
        ] {
            let p = chi_square_p_value(x, dof);
            assert!((p - 0.05).abs() < 2e-4, "{dof}: {p}");
        }
        assert!((chi_square_p_value(0.0, 3) - 1.0).abs() < 1e-15);
        // ln Γ(0.5) = ln √π
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-13);
        assert!((ln_gamma(10.0) - 362_880f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn cholesky_solves() {
        let mut a = vec![4.0, 2.0, 2.0, 3.0];
        cholesky(&mut a, 2).unwrap();
        let x = cholesky_solve(&a, 2, &[2.0, 1.0]);
        // [[4,2],[2,3]] x = [2,1] → x = [0.5, 0]
        assert!((x[0] - 0.5).abs() < 1e-15 && x[1].abs() < 1e-15);
        let mut singular = vec![1.0, 1.0, 1.0, 1.0];
        assert!(cholesky(&mut singular, 2).is_none());
    }
}
