/**
 * The one script every page loads: each module defines the custom element of one control, and
 * does nothing on pages without it. One file instead of one per control saves requests on a slow
 * connection; the search itself and the page-specific tools load only where they are used.
 */
import './search';
import './offline';
import './offline-save';
import './stored-pages';
import './lesson-done-loader';
import './lesson-share';
import './lesson-listen';
