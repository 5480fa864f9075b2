// @ts-check
// Builds the Outlook add-in: the task pane, the sign-in dialog (the fallback where nested app authentication is
// not supported) and the local preview with its stand-in for Outlook; and the Teams pages (the meeting side panel,
// the Administration page, the Reports page and the printable decision record) with their previews. office.js is
// never bundled: Office loads it from Microsoft's CDN. After a build it prints the task pane's initial JavaScript, gzipped.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Reports the size of the JavaScript a page loads before it can show anything. */
class InitialSizePlugin {
  /** @param {string} entryName @param {string} label */
  constructor(entryName, label) {
    this.entryName = entryName;
    this.label = label;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    compiler.hooks.afterEmit.tap('InitialSizePlugin', (compilation) => {
      const entry = compilation.entrypoints.get(this.entryName);
      if (!entry) return;
      const files = entry.getFiles().filter((file) => file.endsWith('.js'));
      const outputPath = compilation.outputOptions.path ?? '';
      const sources = files.map((file) => readFileSync(`${outputPath}/${file}`));
      const raw = sources.reduce((sum, source) => sum + source.length, 0);
      const gzipped = sources.reduce((sum, source) => sum + gzipSync(source, { level: 9 }).length, 0);
      const report = { initialJsBytes: raw, initialJsGzipBytes: gzipped, files };
      writeFileSync(`${outputPath}/size.json`, `${JSON.stringify(report, null, 2)}\n`);
      console.log(
        `${this.label} initial JavaScript: ${(gzipped / 1024).toFixed(1)} KiB gzipped (${(raw / 1024).toFixed(1)} KiB raw) in ${files.length} file(s)`,
      );
    });
  }
}

/** Copies the files in addin/assets (ribbon icons, privacy and terms pages) next to the bundles. */
class CopyAssetsPlugin {
  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    compiler.hooks.afterEmit.tap('CopyAssetsPlugin', (compilation) => {
      for (const name of readdirSync(`${root}addin/assets`))
        copyFileSync(`${root}addin/assets/${name}`, `${compilation.outputOptions.path}/${name}`);
    });
  }
}

/** @type {import('webpack').Configuration} */
const shared = {
  mode: 'production',
  context: root,
  // ts-loader rewrites './x.ts' imports to './x.js'; resolve those back to the sources.
  resolve: { extensions: ['.ts', '.tsx', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            configFile: `${root}addin/tsconfig.json`,
            compilerOptions: { noEmit: false, module: 'esnext', moduleResolution: 'bundler' },
          },
        },
      },
    ],
  },
  performance: { hints: false },
  devtool: false,
};

/** The look every stand-in preview page shares (the page and its "Preview" banner), put into its head. */
const previewStyle = `<style>${readFileSync(`${root}addin/shared/preview.css`, 'utf8')}</style>`;

/** A Teams page (the side panel, the Administration page, the Reports page): one template, its title's word. */
const tabPage = (/** @type {string} */ page) => ({
  template: './addin/teams/tab.html',
  templateParameters: { page },
});

/**
 * A Teams tab page's preview: the stand-in for Teams (one template) around the tab, signed in as the local user.
 * @param {string} page what the banner calls it, @param {string} tab the frame's title, @param {string} src its file
 */
const tabPreview = (page, tab, src) => ({
  template: './addin/teams/tab-preview.html',
  templateParameters: { page, tab, src, previewStyle },
  chunks: [],
});

/** The baseline for the benchmark: a bare React + Fluent UI page, built the same way. */
const bare = {
  ...shared,
  entry: { bare: './addin/bench/bare.tsx' },
  output: {
    path: `${root}dist/bare`,
    filename: '[name].[contenthash:8].js',
    publicPath: '/bare/',
    clean: true,
  },
  plugins: [
    new HtmlWebpackPlugin({ filename: 'bare.html', ...tabPage('bare page') }),
    new InitialSizePlugin('bare', 'Bare React + Fluent UI page'),
  ],
};

/** @type {import('webpack').Configuration} */
const app = {
  ...shared,
  name: 'app',
  entry: {
    taskpane: './addin/outlook/taskpane/main.tsx',
    dialog: './addin/dialog/fallback.ts',
    officeStandIn: './addin/outlook/preview/standInOffice.ts',
    sidepanel: './addin/teams/sidepanel/main.tsx',
    sidepanelPreview: './addin/teams/sidepanel/previewMain.tsx',
  },
  output: {
    path: `${root}dist/addin`,
    filename: '[name].[contenthash:8].js',
    publicPath: '/addin/',
    // The Administration and Reports pages are built next, into the same folder: keep their files.
    clean: { keep: /^(admin|reports|record)(\/|[\w-]*\.html$)/ },
  },
  plugins: [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './addin/outlook/taskpane/taskpane.html',
      chunks: ['taskpane'],
    }),
    new HtmlWebpackPlugin({
      filename: 'dialog.html',
      template: './addin/dialog/dialog.html',
      chunks: ['dialog'],
    }),
    // The preview loads the stand-in for Outlook first, then the very same task pane bundle.
    new HtmlWebpackPlugin({
      filename: 'preview.html',
      template: './addin/outlook/preview/preview.html',
      templateParameters: { previewStyle },
      chunks: ['officeStandIn', 'taskpane'],
      chunksSortMode: 'manual',
    }),
    new HtmlWebpackPlugin({ filename: 'sidepanel.html', ...tabPage('meeting'), chunks: ['sidepanel'] }),
    new HtmlWebpackPlugin({
      filename: 'sidepanel-preview.html',
      ...tabPage('meeting'),
      chunks: ['sidepanelPreview'],
    }),
    new HtmlWebpackPlugin({
      filename: 'meeting-preview.html',
      template: './addin/teams/sidepanel/meeting-preview.html',
      templateParameters: { previewStyle },
      chunks: [],
    }),
    new InitialSizePlugin('taskpane', 'Task pane'),
    new CopyAssetsPlugin(),
  ],
};

/**
 * The Administration page and its preview, built on their own after the app: in the same build, the modules it
 * shares with the task pane's lazily loaded parts would be split into shared chunks, and the task pane would
 * load more files and a bigger chunk map. Its scripts go in dist/addin/admin/.
 */
/** @type {import('webpack').Configuration} */
const admin = {
  ...shared,
  name: 'admin',
  dependencies: ['app'],
  entry: {
    admin: './addin/teams/admin/main.tsx',
    adminPreview: './addin/teams/admin/previewMain.tsx',
  },
  output: {
    path: `${root}dist/addin`,
    filename: 'admin/[name].[contenthash:8].js',
    chunkFilename: 'admin/[id].[contenthash:8].js',
    publicPath: '/addin/',
    clean: false,
  },
  plugins: [
    new HtmlWebpackPlugin({ filename: 'admin.html', ...tabPage('administration'), chunks: ['admin'] }),
    new HtmlWebpackPlugin({
      filename: 'admin-tab-preview.html',
      ...tabPage('administration'),
      chunks: ['adminPreview'],
    }),
    new HtmlWebpackPlugin({
      filename: 'admin-preview.html',
      ...tabPreview('Administration page', 'Administration tab', 'admin-tab-preview.html'),
    }),
  ],
};

/**
 * The Reports page (with its charts, loaded after its tables) and the printable decision record, with their
 * previews: built on their own for the same reason as the Administration page, into dist/addin/reports/.
 */
/** @type {import('webpack').Configuration} */
const reports = {
  ...shared,
  name: 'reports',
  dependencies: ['admin'],
  entry: {
    reports: './addin/teams/reports/main.tsx',
    reportsPreview: './addin/teams/reports/previewMain.tsx',
    record: './addin/teams/record/main.tsx',
    recordPreview: './addin/teams/record/previewMain.tsx',
  },
  output: {
    path: `${root}dist/addin`,
    filename: 'reports/[name].[contenthash:8].js',
    chunkFilename: 'reports/[id].[contenthash:8].js',
    publicPath: '/addin/',
    clean: false,
  },
  plugins: [
    new HtmlWebpackPlugin({ filename: 'reports.html', ...tabPage('reports'), chunks: ['reports'] }),
    new HtmlWebpackPlugin({
      filename: 'reports-tab-preview.html',
      ...tabPage('reports'),
      chunks: ['reportsPreview'],
    }),
    new HtmlWebpackPlugin({
      filename: 'reports-preview.html',
      ...tabPreview('Reports page', 'Reports tab', 'reports-tab-preview.html'),
    }),
    new HtmlWebpackPlugin({
      filename: 'record.html',
      template: './addin/teams/record/record.html',
      chunks: ['record'],
    }),
    new HtmlWebpackPlugin({
      filename: 'record-preview.html',
      template: './addin/teams/record/record.html',
      chunks: ['recordPreview'],
    }),
  ],
};

/** `webpack --env bare` builds the benchmark's baseline page instead of the app. */
export default (/** @type {Record<string, unknown>} */ env = {}) => (env.bare ? bare : [app, admin, reports]);
