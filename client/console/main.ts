import './staff-app.js';
