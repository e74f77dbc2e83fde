"""The old way in, for sites whose mkdocs.yml still lists `hooks: - .../hooks/main.py`: each hook forwards to the
plugin (`plugins: - lindungi`, lindungi.engine.adapter.LindungiPlugin) with its default options. `scripts/migrate.py`
rewrites such a mkdocs.yml to use the plugin."""

from lindungi.engine.adapter import LindungiPlugin

_plugin = LindungiPlugin()
_plugin.load_config({})


def on_startup(command, dirty):
    _plugin.on_startup(command=command, dirty=dirty)


def on_config(config):
    return _plugin.on_config(config)


def on_files(files, config):
    return _plugin.on_files(files, config=config)


def on_env(env, config, files):
    return _plugin.on_env(env, config=config, files=files)


def on_page_markdown(markdown, page, config, files):
    return _plugin.on_page_markdown(markdown, page=page, config=config, files=files)


def on_post_page(output, page, config):
    return _plugin.on_post_page(output, page=page, config=config)


def on_post_build(config):
    _plugin.on_post_build(config=config)


def on_build_error(error):
    _plugin.on_build_error(error=error)


def on_serve(server, config, builder):
    return _plugin.on_serve(server, config=config, builder=builder)


def on_shutdown():
    _plugin.on_shutdown()
