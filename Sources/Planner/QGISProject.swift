import GeoKit

/// A QGIS project stored inside the GeoPackage (table `qgis_projects`, as QGIS's
/// "Save to GeoPackage" writes it: the `.qgz` archive hex-encoded in `content`), so that
/// opening `plan.gpkg` in QGIS (Project ▸ Open From ▸ GeoPackage) gives a ready map: layer
/// order, the styles of ``LayerStyles``, ward and district labels, the map extent.
/// Layer sources are relative to the GeoPackage, so the folder can be moved.
public enum QGISProject {
    /// The project's name in `qgis_projects`.
    public static let name = "camplan"

    /// One layer of the project, top of the legend first.
    public struct Layer: Sendable {
        public var table: String
        public var title: String
        /// `Point` or `Polygon`.
        public var geometry: String
        public var style: LayerStyles.Style
        public var visible: Bool

        public init(table: String, title: String, geometry: String, style: LayerStyles.Style, visible: Bool) {
            self.table = table
            self.title = title
            self.geometry = geometry
            self.style = style
            self.visible = visible
        }
    }

    /// The `.qgs` document. `layerCRS` is the layers' CRS, `mapCRS` the project's, the one
    /// the map is drawn in (`EPSG:…` codes; QGIS looks them up by `authid`, the `srsid` only
    /// tells it to); `extent` (minX, minY, maxX, maxY) is the initial view in `mapCRS`.
    public static func document(fileName: String, title: String, layers: [Layer], layerCRS: String, mapCRS: String,
                                extent: (Double, Double, Double, Double)) -> String {
        let x = LayerStyles.xml
        func spatialRef(_ code: String) -> String { "<spatialrefsys><srsid>1</srsid><authid>\(x(code))</authid></spatialrefsys>" }
        let srs = spatialRef(layerCRS), mapSRS = spatialRef(mapCRS)
        func source(_ l: Layer) -> String { x("./\(fileName)|layername=\(l.table)") }
        func id(_ l: Layer) -> String { "\(l.table)_camplan" }
        let tree = layers.map { l in
            "<layer-tree-layer id=\"\(id(l))\" name=\"\(x(l.title))\" source=\"\(source(l))\" providerKey=\"ogr\" checked=\"\(l.visible ? "Qt::Checked" : "Qt::Unchecked")\" expanded=\"1\"><customproperties/></layer-tree-layer>"
        }.joined(separator: "\n")
        let mapLayers = layers.map { l in
            """
            <maplayer type="vector" geometry="\(l.geometry)" labelsEnabled="\(l.style.labeling == nil ? 0 : 1)" readOnly="0" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0">
            <id>\(id(l))</id><datasource>\(source(l))</datasource><layername>\(x(l.title))</layername>
            <srs>\(srs)</srs><provider encoding="UTF-8">ogr</provider>
            \(l.style.renderer)\(l.style.labeling ?? "")
            </maplayer>
            """
        }.joined(separator: "\n")
        let e = [extent.0, extent.1, extent.2, extent.3].map { "\($0)" }
        return """
        <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
        <qgis projectname="\(x(title))" version="3.22.16-Białowieża">
        <homePath path=""/>
        <title>\(x(title))</title>
        <projectCrs>\(mapSRS)</projectCrs>
        <layer-tree-group><customproperties/>
        \(tree)
        </layer-tree-group>
        <mapcanvas name="theMapCanvas" annotationsVisible="1"><units>\(mapCRS == "EPSG:4326" ? "degrees" : "meters")</units>
        <extent><xmin>\(e[0])</xmin><ymin>\(e[1])</ymin><xmax>\(e[2])</xmax><ymax>\(e[3])</ymax></extent>
        <rotation>0</rotation><destinationsrs>\(mapSRS)</destinationsrs><rendermaptile>0</rendermaptile></mapcanvas>
        <projectlayers>
        \(mapLayers)
        </projectlayers>
        <properties><Paths><Absolute type="bool">false</Absolute></Paths><SpatialRefSys><ProjectionsEnabled type="int">1</ProjectionsEnabled></SpatialRefSys></properties>
        </qgis>
        """
    }

    /// SQL that stores `document` as project ``name`` in a GeoPackage: the table QGIS
    /// creates, and the row (metadata with a fixed time so that runs are byte-identical).
    public static func sql(document: String) -> [String] {
        let qgz = StoredZip.archive([(name: "\(name).qgs", data: Array(document.utf8))])
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(qgz.count * 2)
        for b in qgz { hex.append(digits[Int(b >> 4)]); hex.append(digits[Int(b & 0xF)]) }
        let metadata = "{\"last_modified_time\": \"2000-01-01T00:00:00\", \"last_modified_user\": \"camplan\" }"
        return [
            "CREATE TABLE qgis_projects(name TEXT PRIMARY KEY, metadata BLOB, content BLOB)",
            "INSERT INTO qgis_projects VALUES ('\(name)', '\(metadata)', '\(String(decoding: hex, as: UTF8.self))')",
        ]
    }
}
