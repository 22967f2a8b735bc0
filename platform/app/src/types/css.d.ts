// Side-effect CSS imports (e.g. "@omnify/ui/styles.css") are handled by Next's bundler.
declare module "*.css";
