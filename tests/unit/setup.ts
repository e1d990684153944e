/** Every unit test runs on the tfjs CPU backend with tfjs's debug checks off (as the app runs). */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

tf.env().set('PROD', true);
await tf.setBackend('cpu');
