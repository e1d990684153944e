/**
 * The GPU probe's own worker: it answers one WebGLProbe. The first WebGL context of a page can
 * block its thread for a few hundred ms while the GPU process starts; here it blocks no one.
 */
import { probeWebGL } from './webglProbe';

self.postMessage(probeWebGL());
