import CGDAL
import CGEOS
import CPROJ

/// Versions of the C libraries GeoKit is linked against, for `--version` and bug reports.
public enum CLibraries {
    public static var geosVersion: String { String(cString: GEOSversion()) }
    public static var projVersion: String {
        let info = proj_info()
        return String(cString: info.version)
    }
    public static var gdalVersion: String { String(cString: GDALVersionInfo("RELEASE_NAME")) }
}
