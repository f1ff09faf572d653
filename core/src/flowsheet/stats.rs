//! The chi-square distribution of the global reconciliation test.

use crate::math;

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
        return math::ln(std::f64::consts::PI / math::sin(std::f64::consts::PI * x))
            - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * math::ln(2.0 * std::f64::consts::PI) + (x + 0.5) * math::ln(t) - t + math::ln(a)
}

/// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a), by its series for
/// x < a + 1 and its continued fraction (modified Lentz) otherwise.
fn gamma_q(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    let log_prefix = -x + a * math::ln(x) - ln_gamma(a);
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
        (1.0 - sum * math::exp(log_prefix)).clamp(0.0, 1.0)
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
        (math::exp(log_prefix) * h).clamp(0.0, 1.0)
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
}
