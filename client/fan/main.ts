import './fan-app.js';
