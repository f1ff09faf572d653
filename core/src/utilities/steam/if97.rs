//! Saturated water and steam from IAPWS-IF97: the saturation-pressure and saturation-
//! temperature equations of region 4, and the Gibbs free energy equations of region 1 (liquid)
//! and region 2 (vapour) evaluated on the saturation line.
//!
//! Source: IAPWS, "Revised Release on the IAPWS Industrial Formulation 1997 for the
//! Thermodynamic Properties of Water and Steam" (IAPWS R7-97(2012)): region 1 coefficients
//! Table 2, region 2 Tables 10 and 11, region 4 Table 34; verification values Tables 5, 15,
//! 35 and 36 (checked in the tests below). Valid on the saturation line from the triple point
//! (273.16 K, 611.657 Pa) to 623.15 K (16.529 MPa), where regions 1 and 2 meet region 4.

use crate::math;

/// Specific gas constant of water, J/(kg·K) (IF97 eq. 1).
const R: f64 = 461.526;

/// Region 4 coefficients n1..n10 (IF97 Table 34).
const N4: [f64; 10] = [
    0.116_705_214_527_67e4,
    -0.724_213_167_032_06e6,
    -0.170_738_469_400_92e2,
    0.120_208_247_024_70e5,
    -0.323_255_503_223_33e7,
    0.149_151_086_135_30e2,
    -0.482_326_573_615_91e4,
    0.405_113_405_420_57e6,
    -0.238_555_575_678_49,
    0.650_175_348_447_98e3,
];

/// Region 1 exponents I, J and coefficients n (IF97 Table 2).
const R1: [(i32, i32, f64); 34] = [
    (0, -2, 0.146_329_712_131_67),
    (0, -1, -0.845_481_871_691_14),
    (0, 0, -0.375_636_036_720_40e1),
    (0, 1, 0.338_551_691_683_85e1),
    (0, 2, -0.957_919_633_878_72),
    (0, 3, 0.157_720_385_132_28),
    (0, 4, -0.166_164_171_995_01e-1),
    (0, 5, 0.812_146_299_835_68e-3),
    (1, -9, 0.283_190_801_238_04e-3),
    (1, -7, -0.607_063_015_658_74e-3),
    (1, -1, -0.189_900_682_184_19e-1),
    (1, 0, -0.325_297_487_705_05e-1),
    (1, 1, -0.218_417_171_754_14e-1),
    (1, 3, -0.528_383_579_699_30e-4),
    (2, -3, -0.471_843_210_732_67e-3),
    (2, 0, -0.300_017_807_930_26e-3),
    (2, 1, 0.476_613_939_069_87e-4),
    (2, 3, -0.441_418_453_308_46e-5),
    (2, 17, -0.726_949_962_975_94e-15),
    (3, -4, -0.316_796_448_450_54e-4),
    (3, 0, -0.282_707_979_853_12e-5),
    (3, 6, -0.852_051_281_201_03e-9),
    (4, -5, -0.224_252_819_080_00e-5),
    (4, -2, -0.651_712_228_956_01e-6),
    (4, 10, -0.143_417_299_379_24e-12),
    (5, -8, -0.405_169_968_601_17e-6),
    (8, -11, -0.127_343_017_416_41e-8),
    (8, -6, -0.174_248_712_306_34e-9),
    (21, -29, -0.687_621_312_955_31e-18),
    (23, -31, 0.144_783_078_285_21e-19),
    (29, -38, 0.263_357_816_627_95e-22),
    (30, -39, -0.119_476_226_400_71e-22),
    (31, -40, 0.182_280_945_814_04e-23),
    (32, -41, -0.935_370_872_924_58e-25),
];

/// Region 2 ideal-gas part: exponents J0 and coefficients n0 (IF97 Table 10).
const R2_IDEAL: [(i32, f64); 9] = [
    (0, -0.969_276_865_002_17e1),
    (1, 0.100_866_559_680_18e2),
    (-5, -0.560_879_112_830_20e-2),
    (-4, 0.714_527_380_814_55e-1),
    (-3, -0.407_104_982_239_28),
    (-2, 0.142_408_191_714_44e1),
    (-1, -0.438_395_113_194_50e1),
    (2, -0.284_086_324_607_72),
    (3, 0.212_684_637_533_07e-1),
];

/// Region 2 residual part: exponents I, J and coefficients n (IF97 Table 11).
const R2_RES: [(i32, i32, f64); 43] = [
    (1, 0, -0.177_317_424_732_13e-2),
    (1, 1, -0.178_348_622_923_58e-1),
    (1, 2, -0.459_960_136_963_65e-1),
    (1, 3, -0.575_812_590_834_32e-1),
    (1, 6, -0.503_252_787_279_30e-1),
    (2, 1, -0.330_326_416_702_03e-4),
    (2, 2, -0.189_489_875_163_15e-3),
    (2, 4, -0.393_927_772_433_55e-2),
    (2, 7, -0.437_972_956_505_73e-1),
    (2, 36, -0.266_745_479_140_87e-4),
    (3, 0, 0.204_817_376_923_09e-7),
    (3, 1, 0.438_706_672_844_35e-6),
    (3, 3, -0.322_776_772_385_70e-4),
    (3, 6, -0.150_339_245_421_48e-2),
    (3, 35, -0.406_682_535_626_49e-1),
    (4, 1, -0.788_473_095_593_67e-9),
    (4, 2, 0.127_907_178_522_85e-7),
    (4, 3, 0.482_253_727_185_07e-6),
    (5, 7, 0.229_220_763_376_61e-5),
    (6, 3, -0.167_147_664_510_61e-10),
    (6, 16, -0.211_714_723_213_55e-2),
    (6, 35, -0.238_957_419_341_04e2),
    (7, 0, -0.590_595_643_242_70e-17),
    (7, 11, -0.126_218_088_991_01e-5),
    (7, 25, -0.389_468_424_357_39e-1),
    (8, 8, 0.112_562_113_604_59e-10),
    (8, 36, -0.823_113_408_979_98e1),
    (9, 13, 0.198_097_128_020_88e-7),
    (10, 4, 0.104_069_652_101_74e-18),
    (10, 10, -0.102_347_470_959_29e-12),
    (10, 14, -0.100_181_793_795_11e-8),
    (16, 29, -0.808_829_086_469_85e-10),
    (16, 50, 0.106_930_318_794_09),
    (18, 57, -0.336_622_505_741_71),
    (20, 20, 0.891_858_453_554_21e-24),
    (20, 35, 0.306_293_168_762_32e-12),
    (20, 48, -0.420_024_676_982_08e-5),
    (21, 21, -0.590_560_296_856_39e-25),
    (22, 53, 0.378_269_476_134_57e-5),
    (23, 39, -0.127_686_089_346_81e-14),
    (24, 26, 0.730_876_105_950_61e-28),
    (24, 40, 0.554_147_153_507_78e-16),
    (24, 58, -0.943_697_072_412_10e-6),
];

/// Lowest saturation temperature, the triple point, K (IF97 section 8.1).
pub const T_MIN: f64 = 273.16;
/// Highest saturation temperature covered here, K: the upper bound of regions 1 and 2 on the
/// saturation line (IF97 section 4, Figure 1).
pub const T_MAX: f64 = 623.15;

/// Saturation pressure at `t` kelvin, Pa (IF97 eq. 30).
pub fn p_sat(t: f64) -> f64 {
    let th = t + N4[8] / (t - N4[9]);
    let a = th * th + N4[0] * th + N4[1];
    let b = N4[2] * th * th + N4[3] * th + N4[4];
    let c = N4[5] * th * th + N4[6] * th + N4[7];
    let x = 2.0 * c / (-b + (b * b - 4.0 * a * c).sqrt());
    x.powi(4) * 1e6
}

/// Saturation temperature at `p` pascal, K (IF97 eq. 31).
pub fn t_sat(p: f64) -> f64 {
    let beta = math::powf(p / 1e6, 0.25);
    let e = beta * beta + N4[2] * beta + N4[5];
    let f = N4[0] * beta * beta + N4[3] * beta + N4[6];
    let g = N4[1] * beta * beta + N4[4] * beta + N4[7];
    let d = 2.0 * g / (-f - (f * f - 4.0 * e * g).sqrt());
    (N4[9] + d - ((N4[9] + d).powi(2) - 4.0 * (N4[8] + N4[9] * d)).sqrt()) / 2.0
}

/// Specific enthalpy (J/kg) and specific volume (m³/kg) of liquid water, region 1.
pub fn region1(p: f64, t: f64) -> (f64, f64) {
    let pi = p / 16.53e6;
    let tau = 1386.0 / t;
    let (mut g_pi, mut g_tau) = (0.0, 0.0);
    for &(i, j, n) in &R1 {
        let a = 7.1 - pi;
        let b = tau - 1.222;
        g_pi -= n * f64::from(i) * a.powi(i - 1) * b.powi(j);
        g_tau += n * a.powi(i) * f64::from(j) * b.powi(j - 1);
    }
    let h = R * t * tau * g_tau;
    let v = R * t / p * pi * g_pi;
    (h, v)
}

/// Specific enthalpy (J/kg) and specific volume (m³/kg) of steam, region 2.
pub fn region2(p: f64, t: f64) -> (f64, f64) {
    let pi = p / 1e6;
    let tau = 540.0 / t;
    let mut g0_tau = 0.0;
    for &(j, n) in &R2_IDEAL {
        g0_tau += n * f64::from(j) * tau.powi(j - 1);
    }
    let (mut gr_pi, mut gr_tau) = (0.0, 0.0);
    for &(i, j, n) in &R2_RES {
        let b = tau - 0.5;
        gr_pi += n * f64::from(i) * pi.powi(i - 1) * b.powi(j);
        gr_tau += n * pi.powi(i) * f64::from(j) * b.powi(j - 1);
    }
    let h = R * t * tau * (g0_tau + gr_tau);
    let v = R * t / p * pi * (1.0 / pi + gr_pi);
    (h, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: f64, b: f64) -> f64 {
        ((a - b) / b).abs()
    }

    #[test]
    fn region4_verification_tables_35_and_36() {
        // IAPWS R7-97(2012), Table 35: p_sat at 300, 500, 600 K, printed to 9 significant
        // digits; reproduced to their last printed digit (5e-9 relative).
        for (t, p_mpa) in [
            (300.0, 0.353_658_941e-2),
            (500.0, 0.263_889_776e1),
            (600.0, 0.123_443_146e2),
        ] {
            assert!(rel(p_sat(t) / 1e6, p_mpa) < 5e-9, "{t}: {}", p_sat(t));
        }
        // Table 36: T_sat at 0.1, 1 and 10 MPa.
        for (p_mpa, t) in [
            (0.1, 0.372_755_919e3),
            (1.0, 0.453_035_632e3),
            (10.0, 0.584_149_488e3),
        ] {
            assert!(
                rel(t_sat(p_mpa * 1e6), t) < 5e-9,
                "{p_mpa}: {}",
                t_sat(p_mpa * 1e6)
            );
        }
    }

    #[test]
    fn region1_verification_table_5() {
        // IAPWS R7-97(2012), Table 5: (T K, p MPa) → v m³/kg, h kJ/kg, 9 significant digits,
        // reproduced to the last printed digit.
        for (t, p, v, h) in [
            (300.0, 3.0, 0.100_215_168e-2, 0.115_331_273e3),
            (300.0, 80.0, 0.971_180_894e-3, 0.184_142_828e3),
            (500.0, 3.0, 0.120_241_800e-2, 0.975_542_239e3),
        ] {
            let (hh, vv) = region1(p * 1e6, t);
            assert!(rel(hh / 1e3, h) < 5e-9, "h({t}, {p}) = {hh}");
            assert!(rel(vv, v) < 5e-9, "v({t}, {p}) = {vv}");
        }
    }

    #[test]
    fn region2_verification_table_15() {
        // IAPWS R7-97(2012), Table 15.
        for (t, p, v, h) in [
            (300.0, 0.0035, 0.394_913_866e2, 0.254_991_145e4),
            (700.0, 0.0035, 0.923_015_898e2, 0.333_568_375e4),
            (700.0, 30.0, 0.542_946_619e-2, 0.263_149_474e4),
        ] {
            let (hh, vv) = region2(p * 1e6, t);
            assert!(rel(hh / 1e3, h) < 5e-9, "h({t}, {p}) = {hh}");
            assert!(rel(vv, v) < 5e-9, "v({t}, {p}) = {vv}");
        }
    }

    #[test]
    fn saturation_equations_invert_each_other() {
        let mut t = T_MIN;
        while t <= T_MAX {
            assert!((t_sat(p_sat(t)) - t).abs() < 1e-6, "{t}");
            t += 7.0;
        }
    }
}
