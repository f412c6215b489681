using System;

[assembly: CLSCompliant(false)]
