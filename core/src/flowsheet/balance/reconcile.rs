//! Reconciliation: the weighted least-squares adjustment of the redundant measurements on the
//! reduced balances, the global chi-square test and each measurement's standardized adjustment.

use super::observe::Edge;
use super::reduce::Reduced;
use super::{Kind, Reconciliation};
use crate::flowsheet::sparse::SymMatrix;
use crate::flowsheet::stats::chi_square_p_value;

/// Each stream's value (reconciled where redundant), standard uncertainty and standardized
/// adjustment, and the global test.
pub(super) struct Values {
    pub(super) value: Vec<Option<f64>>,
    pub(super) sd: Vec<Option<f64>>,
    pub(super) z: Vec<Option<f64>>,
    pub(super) reconciliation: Option<Reconciliation>,
}

/// The given values of `edges`, with the redundant measurements reconciled on `reduced`.
pub(super) fn reconcile(edges: &[Edge], reduced: &Reduced, findings: &mut Vec<String>) -> Values {
    let Reduced {
        c,
        compact,
        columns,
        n,
    } = reduced;
    let n = *n;
    let mut value: Vec<Option<f64>> = edges
        .iter()
        .map(|e| match e.kind {
            Kind::Unknown => None,
            Kind::Fixed(x) | Kind::Measured { x, .. } => Some(x),
        })
        .collect();
    let mut sd_out: Vec<Option<f64>> = edges
        .iter()
        .map(|e| match e.kind {
            Kind::Measured { sd, .. } => Some(sd),
            _ => None,
        })
        .collect();
    let mut z_out: Vec<Option<f64>> = vec![None; edges.len()];
    let redundant: Vec<usize> = (0..edges.len())
        .filter(|&i| !columns[i].as_slice().is_empty())
        .collect();
    let mut reconciliation = None;
    if n > 0 && !redundant.is_empty() {
        let var = |i: usize| match edges[i].kind {
            Kind::Measured { sd, .. } => sd * sd,
            _ => 0.0,
        };
        let mut m = SymMatrix::new(n);
        let mut resid = vec![0.0; n];
        for (r, p) in compact.iter().enumerate() {
            if let Some(p) = p {
                resid[*p] -= c[r];
            }
        }
        for &i in &redundant {
            let v = var(i);
            let x = value[i].unwrap_or(0.0);
            for &(a, sa) in columns[i].as_slice() {
                resid[a] += sa * x;
                for &(b, sb) in columns[i].as_slice() {
                    if a <= b {
                        m.add(a, b, sa * sb * v);
                    }
                }
            }
        }
        if let Some(f) = m.factor() {
            let lambda = f.solve(&resid);
            let chi2: f64 = resid.iter().zip(&lambda).map(|(a, b)| a * b).sum();
            let inverse = f.selected_inverse();
            let mut scratch = vec![0.0; n];
            for &i in &redundant {
                let v = var(i);
                let column = columns[i].as_slice();
                let adj = v * column.iter().map(|&(p, s)| s * lambda[p]).sum::<f64>();
                // Read from the selected inverse (a column's balances are linked in the
                // matrix); a forward solve of its own should they ever not be.
                let q = inverse
                    .quadratic(column)
                    .unwrap_or_else(|| f.quadratic(column, &mut scratch));
                let w = v * v * q;
                let x = value[i].unwrap_or(0.0);
                value[i] = Some(x - adj);
                sd_out[i] = Some((v - w).max(0.0).sqrt());
                z_out[i] = (w > 0.0).then(|| adj / w.sqrt());
            }
            let p = chi_square_p_value(chi2, n);
            reconciliation = Some(Reconciliation {
                chi_square: chi2,
                degrees_of_freedom: n,
                p_value: p,
                consistent: p > 0.05,
            });
        } else {
            findings.push(
                "the redundant measurements could not be reconciled (singular balances)"
                    .to_string(),
            );
        }
    }

    Values {
        value,
        sd: sd_out,
        z: z_out,
        reconciliation,
    }
}
