//! Small geodesy helpers: great-circle distance and offsets.

/// Mean Earth radius in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in kilometres between two points in degrees.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// The point `distance_km` away from `(lat, lon)` on the initial bearing
/// `bearing_deg` (0 north, 90 east).
pub fn offset(lat: f64, lon: f64, distance_km: f64, bearing_deg: f64) -> (f64, f64) {
    let d = distance_km / EARTH_RADIUS_KM;
    let b = bearing_deg.to_radians();
    let (p1, l1) = (lat.to_radians(), lon.to_radians());
    let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * b.cos()).asin();
    let l2 = l1 + (b.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
    let lon2 = (l2.to_degrees() + 540.0) % 360.0 - 180.0;
    (p2.to_degrees(), lon2)
}

/// Initial bearing in degrees (0 north, 90 east, in [0, 360)) from the
/// first point to the second.
pub fn bearing_deg(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dl = (lon2 - lon1).to_radians();
    let y = dl.sin() * p2.cos();
    let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos();
    (y.atan2(x).to_degrees() + 360.0) % 360.0
}

/// Whether a latitude/longitude pair is a valid position.
pub fn valid(lat: f64, lon: f64) -> bool {
    lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearings_point_the_right_way() {
        // Palmyra lies east of Homs, Damascus south-west of Homs.
        let east = bearing_deg(34.724, 36.7256, 34.5624, 38.284);
        assert!((80.0..110.0).contains(&east), "{east}");
        let sw = bearing_deg(34.724, 36.7256, 33.5102, 36.2913);
        assert!((190.0..215.0).contains(&sw), "{sw}");
    }

    #[test]
    fn palmyra_to_as_sukhnah_is_about_70_km() {
        // Tadmur (34.56, 38.28) to As Sukhnah (34.885, 38.871).
        let d = haversine_km(34.5624, 38.284, 34.8853, 38.8711);
        assert!((60.0..75.0).contains(&d), "{d}");
        assert!(haversine_km(10.0, 10.0, 10.0, 10.0) < 1e-9);
    }

    #[test]
    fn offset_moves_the_right_way() {
        let (lat, lon) = offset(34.5624, 38.284, 20.0, 270.0);
        assert!((lat - 34.5624).abs() < 0.01);
        assert!(lon < 38.284);
        assert!((haversine_km(34.5624, 38.284, lat, lon) - 20.0).abs() < 0.1);
        let (lat, _) = offset(0.0, 0.0, 111.2, 0.0);
        assert!((lat - 1.0).abs() < 0.01);
    }
}
