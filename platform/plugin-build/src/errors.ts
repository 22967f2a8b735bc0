/** A plugin folder could not be built; the message names the file and what to change. */
export class PluginBuildError extends Error {
  override name = "PluginBuildError";
}
