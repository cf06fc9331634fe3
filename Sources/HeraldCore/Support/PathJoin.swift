/// `name` inside the folder `directory`, as paths are given on the command line: no separator is
/// doubled, and a folder of `""` or `.` leaves `name` as it is, so messages show the paths a
/// user typed.
package func joinPath(_ directory: String, _ name: String) -> String {
    if directory.isEmpty || directory == "." { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
}
